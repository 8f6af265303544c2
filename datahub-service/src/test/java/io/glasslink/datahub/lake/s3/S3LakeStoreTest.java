package io.glasslink.datahub.lake.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import io.glasslink.datahub.TestLake;
import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lake store on the real S3-compatible server, through the client the hub builds ({@link S3LakeStore#client}). */
class S3LakeStoreTest {

    private final S3Client s3 = lakeClient();
    private final String bucket = "store-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final S3LakeStore store = new S3LakeStore(s3, new LakeProperties(bucket, "raw", true, 1000, DataSize.ofMegabytes(64),
            Duration.ofHours(1), Duration.ofSeconds(30), DataSize.ofMegabytes(6), DataSize.ofMegabytes(5)));

    @AfterEach
    void close() {
        s3.close();
    }

    private static S3Client lakeClient() {
        var server = TestInfrastructure.s3();
        return S3LakeStore.client(new S3Properties(server.endpoint().toString(), server.accessKey(), server.secretKey(), server.region(), true));
    }

    @Test
    void theStoreRejectsAnUploadWhoseBytesDoNotMatchItsContentMd5() {
        store.createBucketIfMissing();
        String key = "raw/hubtest/ProbeReset.v1/dt=2026-12-01/hr=11/hubtest.events+0+0.jsonl.gz";
        byte[] sent = {1, 2, 3, 4};
        String md5OfOtherBytes = S3LakeStore.contentMd5(new byte[] {1, 2, 3, 5}, 0, 4);

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentMD5(md5OfOtherBytes), RequestBody.fromBytes(sent)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(store.records(key)).as("nothing stored").isEqualTo(-1);

        store.put(new LakeObject(key, sent, 4, 0, 3));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()).isEqualTo(sent);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()).as("a single PUT's ETag is the MD5 the store checked")
                .isEqualTo("\"" + java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(S3LakeStore.contentMd5(sent, 0, 4))) + "\"");
    }

    @Test
    void uploadsAnObjectAboveTheThresholdInPartsAndReadsBackTheSameBytesAndRecordCount() {
        store.createBucketIfMissing();
        byte[] content = new byte[12 * 1024 * 1024 + 123];
        new Random(7).nextBytes(content);
        String key = "raw/hubtest/ProbeMeasured.v1/dt=2026-12-01/hr=09/hubtest.events+0+0.jsonl.gz";

        store.put(new LakeObject(key, content, 4321, 0, 4320));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray()).isEqualTo(content);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()).as("a multipart ETag ends in -<parts>").endsWith("-3\"");
        assertThat(store.records(key)).isEqualTo(4321);
    }

    @Test
    void createsAMissingBucketOnTheFirstUpload() {
        String key = "raw/hubtest/ProbeReset.v1/dt=2026-12-01/hr=10/hubtest.events+2+0.jsonl.gz";

        store.put(new LakeObject(key, new byte[] {9}, 1, 0, 0));

        assertThat(store.records(key)).isEqualTo(1);
    }

    @Test
    void rewritingAKeyReplacesTheObjectAndListsItOnce() {
        store.createBucketIfMissing();
        String key = "raw/hubtest/ProbeReset.v1/dt=2026-12-01/hr=09/hubtest.events+1+7.jsonl.gz";

        store.put(new LakeObject(key, new byte[] {1, 2, 3}, 3, 7, 9));
        store.put(new LakeObject(key, new byte[] {1, 2, 3, 4, 5}, 5, 7, 11));

        assertThat(store.list("raw/hubtest/ProbeReset.v1/")).singleElement().satisfies(o -> assertThat(o.size()).isEqualTo(5));
        assertThat(store.records(key)).isEqualTo(5);
        assertThat(store.records(key + ".missing")).isEqualTo(-1);
    }

    /**
     * S3Proxy's filesystem store writes an upload to {@code <key>-<uuid>} beside the key and renames it when
     * complete, and lists that temporary file meanwhile: a reader that takes every listed key reads a file that
     * is half written or already gone. Readers of the lake (the catalogue, the tests' {@link TestLake}) take
     * only keys of the lake layout.
     */
    @Test
    void anUploadUnderWayIsListedUnderATemporaryKeyThatLakeReadersSkip() throws Exception {
        store.createBucketIfMissing();
        int linesPerObject = 20_000;
        byte[] content = gzipLines(linesPerObject);
        String folder = "raw/hubtest/ProbeMeasured.v1/dt=2026-12-09/hr=08/";
        int objects = 5;
        Thread uploads = new Thread(() -> {
            for (int i = 0; i < objects; i++) {
                store.put(new LakeObject(folder + "hubtest.events+0+" + i * linesPerObject + ".jsonl.gz", content, linesPerObject, 0, 0));
            }
        }, "uploads");
        Set<String> listed = ConcurrentHashMap.newKeySet();
        Thread lister = new Thread(() -> {
            while (uploads.isAlive()) {
                store.list(folder).forEach(o -> listed.add(o.key()));
            }
        }, "lister");

        uploads.start();
        lister.start();
        while (uploads.isAlive()) {
            assertThat(TestLake.keys(s3, bucket, folder)).as("lake keys only").allMatch(k -> k.endsWith(".jsonl.gz"));
        }
        uploads.join();
        lister.join();

        assertThat(listed).as("the store listed an upload under way under a key of its own").anyMatch(k -> !k.endsWith(".jsonl.gz"));
        assertThat(TestLake.keys(s3, bucket, folder)).hasSize(objects).allMatch(k -> k.endsWith(".jsonl.gz"));
        assertThat(TestLake.lines(s3, bucket, folder)).hasSize(objects * linesPerObject);
    }

    /** Gzip of JSON lines of random text, about 4 MB (below the multipart threshold): each upload takes a while. */
    private static byte[] gzipLines(int count) throws IOException {
        Random random = new Random(11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            byte[] noise = new byte[192];
            for (int i = 0; i < count; i++) {
                random.nextBytes(noise);
                gzip.write(("{\"n\":" + i + ",\"noise\":\"" + Base64.getEncoder().encodeToString(noise) + "\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
