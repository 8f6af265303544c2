package io.glasslink.datahub.lake.s3;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

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
}
