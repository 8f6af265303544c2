package io.glasslink.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request limits.
 *
 * @param maxRequestSize largest request body accepted (413 beyond)
 * @param redisUrl       Redis URL for rate-limit buckets shared by several gateway instances;
 *                       blank keeps them in this instance's memory
 */
@ConfigurationProperties("glasslink.gateway.limits")
public record LimitsProperties(DataSize maxRequestSize, String redisUrl) {

    public LimitsProperties {
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    }
}
