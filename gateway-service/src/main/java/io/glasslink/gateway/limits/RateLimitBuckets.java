package io.glasslink.gateway.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where the rate-limit buckets live: in this instance's memory (Caffeine) by default, in Redis
 * when {@code glasslink.gateway.limits.redis-url} is set so that several instances share them.
 */
@Component
public class RateLimitBuckets implements DisposableBean {

    private final AsyncProxyManager<String> proxyManager;
    private final RedisClient redis;
    private final StatefulRedisConnection<String, byte[]> connection;

    public RateLimitBuckets(LimitsProperties properties) {
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
        if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
            this.redis = null;
            this.connection = null;
            this.proxyManager = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(100_000))
                    .expirationAfterWrite(expiry)
                    .build()
                    .asAsync();
        } else {
            this.redis = RedisClient.create(properties.redisUrl());
            this.connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            this.proxyManager = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(expiry)
                    .build()
                    .asAsync();
        }
    }

    /** The shared bucket store. */
    public AsyncProxyManager<String> proxyManager() {
        return proxyManager;
    }

    /** Whether buckets are shared through Redis. */
    public boolean distributed() {
        return redis != null;
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
            redis.shutdown();
        }
    }
}
