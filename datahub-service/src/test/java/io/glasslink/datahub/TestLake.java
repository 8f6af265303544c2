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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads the lake back with a plain S3 client: every line of every object under a prefix. */
public final class TestLake {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestLake() {
    }

    /** One lake line and the object it came from. */
    public record Line(String key, JsonNode event) {
    }

    public static List<String> keys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
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
            } catch (NoSuchKeyException e) {
                // listed, then gone before the GET: the S3 store was replacing the object (listing and
                // reading are not one atomic step); callers poll, or compare with what they expect
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
