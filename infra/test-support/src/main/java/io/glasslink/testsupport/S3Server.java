package io.glasslink.testsupport;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** A running S3-compatible server (path-style addressing) and the credentials it accepts. */
public record S3Server(URI endpoint, String accessKey, String secretKey, String region) {

    /** A real AWS SDK v2 client for this server. Close it when done. */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** Creates {@code bucket} unless it exists already. */
    public void createBucket(String bucket) {
        try (S3Client s3 = newClient()) {
            if (s3.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        } catch (BucketAlreadyOwnedByYouException ignored) {
            // another test created it first
        }
    }
}
