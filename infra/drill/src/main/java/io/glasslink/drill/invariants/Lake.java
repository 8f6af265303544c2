package io.glasslink.drill.invariants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.glasslink.drill.platform.Http;
import io.glasslink.drill.platform.PlatformAccess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The lake as an S3 client sees it: every object under {@code raw/}, every CloudEvent id in them. */
final class Lake implements AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    /** Ids already counted, per object key: objects are immutable once written. */
    private final Map<String, Map<String, Integer>> byObject = new HashMap<>();

    Lake(PlatformAccess platform) {
        this.bucket = platform.s3("bucket");
        this.s3 = S3Client.builder()
                .endpointOverride(URI.create(platform.s3("endpoint")))
                .region(Region.of(platform.s3("region")))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(platform.s3("access-key"), platform.s3("secret-key"))))
                .build();
    }

    /** How many times each CloudEvent id is in the lake, over every object under {@code raw/}. */
    Map<String, Integer> idCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix("raw/").build()).contents()) {
            if (!o.key().endsWith(".jsonl.gz")) {
                continue; // S3Proxy lists an upload under way as <key>-<uuid>: only finished objects count
            }
            Map<String, Integer> ids = byObject.computeIfAbsent(o.key() + "@" + o.eTag(), k -> read(o.key()));
            ids.forEach((id, n) -> counts.merge(id, n, Integer::sum));
        }
        return counts;
    }

    private Map<String, Integer> read(String key) {
        Map<String, Integer> ids = new HashMap<>();
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    ids.merge(Http.JSON.readTree(line).path("id").asString(), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
        }
        return ids;
    }

    @Override
    public void close() {
        s3.close();
    }
}
