package io.glasslink.datahub.lake.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.lake.StoredObject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
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
            s3.putObject(b -> b.bucket(bucket).key(object.key()).contentType(CONTENT_TYPE).contentEncoding(CONTENT_ENCODING).metadata(metadata),
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
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromRemainingByteBuffer(java.nio.ByteBuffer.wrap(content, offset, length))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(object.key()).uploadId(uploadId));
            throw e;
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
