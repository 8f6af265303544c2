package io.glasslink.gateway.resilience;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gateway's {@code Retry} filter (backoff, jitter, retried statuses and exceptions as
 * configured) applied only where a retry cannot duplicate an effect: GET, HEAD, OPTIONS, PUT and
 * TRACE, and a POST, PATCH or DELETE only when it carries an {@code Idempotency-Key} (a cancelled
 * booking's second DELETE would not answer what the first did). Used in routes as
 * {@code IdempotentRetry}; each attempt gets its own identity token ({@code IdentityFilter} runs
 * inside it).
 *
 * <p>Each attempt includes reading the upstream's answer ({@link ReplayableResponses}), so an
 * answer that fails or goes silent after its headers is retried too, not only one that never
 * starts.
 */
@Component
public class IdempotentRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    /** Header that makes a POST, PATCH or DELETE safe to repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.TRACE);

    private final RetryGatewayFilterFactory retry;
    private final ReplayableResponses replayable;

    public IdempotentRetryGatewayFilterFactory(RetryGatewayFilterFactory retry, ReplayableResponses replayable) {
        super(RetryConfig.class);
        this.retry = retry;
        this.replayable = replayable;
    }

    @Override
    public GatewayFilter apply(RetryConfig config) {
        config.setMethods(HttpMethod.values());
        GatewayFilter retrying = retry.apply(config);
        return (exchange, chain) -> retryable(exchange.getRequest())
                ? retrying.filter(exchange, attempt -> chain.filter(attempt).then(Mono.defer(() -> replayable.hold(attempt))))
                : chain.filter(exchange);
    }

    /** Whether repeating {@code request} is safe. */
    public static boolean retryable(ServerHttpRequest request) {
        return IDEMPOTENT.contains(request.getMethod()) || request.getHeaders().containsHeader(IDEMPOTENCY_KEY);
    }
}
