package io.glasslink.datahub.lake.s3;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection to the S3 store ({@code glasslink.s3}). A blank endpoint means AWS itself, with the
 * default credential chain when the keys are blank too.
 */
@ConfigurationProperties("glasslink.s3")
public record S3Properties(String endpoint, String accessKey, String secretKey,
                           @DefaultValue("eu-west-3") String region, @DefaultValue("true") boolean pathStyle) {
}
