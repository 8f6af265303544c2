package io.glasslink.gateway.limits;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.glasslink.gateway.access.AccessProperties;
import io.glasslink.gateway.access.AccessProperties.RateLimit;
import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.problems.GatewayProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies each client's token bucket. Every limited answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy}
 * (IETF httpapi-ratelimit-headers); an exhausted bucket answers 429 with {@code Retry-After}.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final Map<String, Limit> limits = new HashMap<>();
    private final MeterRegistry meters;

    public RateLimitFilter(AccessProperties access, RateLimitBuckets buckets, MeterRegistry meters) {
        this.meters = meters;
        access.clients().forEach((id, client) -> {
            RateLimit limit = client.rateLimit();
            if (limit != null && limit.capacity() > 0) {
                BucketConfiguration configuration = BucketConfiguration.builder()
                        .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                        .build();
                AsyncBucketProxy bucket = buckets.proxyManager().builder().build("ratelimit:" + id, () ->
                        CompletableFuture.completedFuture(configuration));
                limits.put(id, new Limit(limit, bucket));
            }
        });
    }

    private record Limit(RateLimit settings, AsyncBucketProxy bucket) {

        String policy() {
            return settings.capacity() + ";w=" + Math.max(1, settings.period().toSeconds());
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = Caller.of(exchange);
        Limit limit = limits.get(caller.clientId());
        if (limit == null) {
            return chain.filter(exchange);
        }
        return Mono.fromFuture(() -> limit.bucket().tryConsumeAndReturnRemaining(1)).flatMap(probe -> {
            HttpHeaders headers = rateLimitHeaders(limit, probe);
            if (probe.isConsumed()) {
                exchange.getResponse().getHeaders().addAll(headers);
                return chain.filter(exchange);
            }
            Counter.builder("glasslink.gateway.ratelimit.rejected").tag("client", caller.clientId())
                    .description("Requests refused with 429 by the client's rate limit").register(meters).increment();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(probe.getNanosToWaitForRefill())));
            return Mono.error(new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too Many Requests",
                    "Client " + caller.clientId() + " exceeded " + limit.settings().capacity() + " requests per "
                            + limit.settings().period(), headers));
        });
    }

    private static HttpHeaders rateLimitHeaders(Limit limit, ConsumptionProbe probe) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("RateLimit-Limit", Long.toString(limit.settings().capacity()));
        headers.set("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        headers.set("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        headers.set("RateLimit-Policy", limit.policy());
        return headers;
    }

    private static long seconds(long nanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(0, (nanos + second - 1) / second);
    }

    @Override
    public int getOrder() {
        return -150;
    }
}
