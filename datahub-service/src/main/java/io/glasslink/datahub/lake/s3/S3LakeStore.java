package io.glasslink.datahub.lake.s3;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.lake.StoredObject;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link LakeStore} on an S3 bucket; objects above the multipart threshold go up in parts. */
public class S3LakeStore implements LakeStore {

    static final String RECORDS_METADATA = "records";
    private static final String CONTENT_TYPE = "application/x-ndjson";
    private static final String CONTENT_ENCODING = "gzip";

    private final S3Client s3;
    private final String bucket;
    private final long multipartThreshold;
    private final int partSize;
    private final boolean createBucket;

    public S3LakeStore(S3Client s3, LakeProperties lake) {
        this.s3 = s3;
        this.bucket = lake.bucket();
        this.multipartThreshold = lake.multipartThreshold().toBytes();
        this.partSize = (int) Math.max(5L * 1024 * 1024, lake.partSize().toBytes());
        this.createBucket = lake.createBucket();
    }

    /**
     * The S3 client of the lake. Integrity of every upload: the Content-MD5 that {@link #put} sends and the
     * store checks (BadDigest otherwise), plus the signed payload hash over plain http. No second checksum on
     * top of it: the SDK's default CRC32 would switch uploads to aws-chunked encoding with a trailer, each chunk
     * signed on its own over http, and the store would decode and check all of that per upload.
     */
    public static S3Client client(S3Properties s3) {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (StringUtils.hasText(s3.endpoint())) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        if (StringUtils.hasText(s3.accessKey())) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        }
        return builder.build();
    }

    /** Creates the lake bucket when it does not exist (local stores; production buckets are provisioned). */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException ignored) {
                // created concurrently
            }
        }
    }

    @Override
    public void put(LakeObject object) {
        try {
            write(object);
        } catch (NoSuchBucketException e) {
            if (!createBucket) {
                throw e;
            }
            createBucketIfMissing();
            write(object);
        }
    }

    private void write(LakeObject object) {
        Map<String, String> metadata = Map.of(RECORDS_METADATA, Long.toString(object.records()));
        byte[] content = object.content();
        if (content.length < multipartThreshold) {
            String md5 = contentMd5(content, 0, content.length);
            s3.putObject(b -> b.bucket(bucket).key(object.key()).contentType(CONTENT_TYPE).contentEncoding(CONTENT_ENCODING).metadata(metadata)
                            .contentMD5(md5),
                    RequestBody.fromBytes(content));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(object.key())
                .contentType(CONTENT_TYPE).contentEncoding(CONTENT_ENCODING).metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int offset = 0, number = 1; offset < content.length; offset += partSize, number++) {
                int length = Math.min(partSize, content.length - offset);
                int partNumber = number;
                String md5 = contentMd5(content, offset, length);
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId).partNumber(partNumber).contentMD5(md5),
                        RequestBody.fromRemainingByteBuffer(java.nio.ByteBuffer.wrap(content, offset, length))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId));
            throw e;
        }
    }

    /** The Content-MD5 of a body: the store rejects the upload if what it received differs (BadDigest). */
    static String contentMd5(byte[] content, int offset, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(content, offset, length);
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) {
        List<StoredObject> objects = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            objects.add(new StoredObject(o.key(), o.size(), o.lastModified(), o.eTag()));
        }
        return objects;
    }

    @Override
    public long records(String key) {
        try {
            String value = s3.headObject(b -> b.bucket(bucket).key(key)).metadata().get(RECORDS_METADATA);
            return value == null ? -1 : Long.parseLong(value);
        } catch (NoSuchKeyException e) {
            return -1;
        }
    }

    /** The bucket the lake lives in. */
    public String bucket() {
        return bucket;
    }
}
