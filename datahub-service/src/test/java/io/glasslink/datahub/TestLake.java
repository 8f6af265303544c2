package io.glasslink.datahub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glasslink.datahub.lake.LakeLayout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the lake back with a plain S3 client: every line of every lake object under a prefix.
 *
 * <p>Only keys of the lake layout are read, as every reader of the lake does: S3Proxy's filesystem
 * store lists an upload under way as its temporary file {@code <key>-<uuid>}, which vanishes (or is
 * still half written) by the time it is read.
 */
public final class TestLake {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LakeLayout LAYOUT = new LakeLayout("raw");

    private TestLake() {
    }

    /** One lake line and the object it came from. */
    public record Line(String key, JsonNode event) {
    }

    public static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key)
                .filter(key -> LAYOUT.parse(key).isPresent()).toList();
    }

    public static List<Line> lines(S3Client s3, String bucket, String prefix) {
        List<Line> lines = new ArrayList<>();
        for (String key : keys(s3, bucket, prefix)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(s3.getObject(b -> b.bucket(bucket).key(key))), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(new Line(key, JSON.readTree(line)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
