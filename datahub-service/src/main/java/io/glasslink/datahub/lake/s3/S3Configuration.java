package io.glasslink.datahub.lake.s3;

import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client and the lake store built on it. */
@Configuration(proxyBeanMethods = false)
class S3Configuration {

    private static final Logger log = LoggerFactory.getLogger(S3Configuration.class);

    @Bean(destroyMethod = "close")
    S3Client lakeS3Client(S3Properties s3) {
        return S3LakeStore.client(s3);
    }

    @Bean
    LakeStore lakeStore(S3Client lakeS3Client, LakeProperties lake) {
        S3LakeStore store = new S3LakeStore(lakeS3Client, lake);
        if (lake.createBucket()) {
            try {
                store.createBucketIfMissing();
            } catch (SdkException e) {
                // the store may start after the hub: the first upload creates the bucket then
                log.warn("cannot check the lake bucket {} yet: {}", lake.bucket(), e.toString());
            }
        }
        return store;
    }
}
