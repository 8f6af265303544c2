package io.glasslink.gateway.resilience;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The gateway's {@code Retry} filter (backoff, jitter, retried statuses and exceptions as
 * configured) applied only where a retry cannot duplicate an effect: idempotent methods, and
 * writes that carry an {@code Idempotency-Key}. Used in routes as {@code IdempotentRetry}.
 */
@Component
public class IdempotentRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    /** Header that makes a POST or PATCH safe to repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

    private final RetryGatewayFilterFactory retry;

    public IdempotentRetryGatewayFilterFactory(RetryGatewayFilterFactory retry) {
        super(RetryConfig.class);
        this.retry = retry;
    }

    @Override
    public GatewayFilter apply(RetryConfig config) {
        config.setMethods(HttpMethod.values());
        GatewayFilter retrying = retry.apply(config);
        return (exchange, chain) -> retryable(exchange.getRequest())
                ? retrying.filter(exchange, chain)
                : chain.filter(exchange);
    }

    /** Whether repeating {@code request} is safe. */
    static boolean retryable(ServerHttpRequest request) {
        return IDEMPOTENT.contains(request.getMethod()) || request.getHeaders().containsHeader(IDEMPOTENCY_KEY);
    }
}
