package io.glasslink.gateway.resilience;

import java.util.Set;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns a bare 5xx answer of the upstream (no problem+json: a crashed service, a proxy's error
 * page) into an {@link UpstreamStatusException}, so that the route's circuit breaker counts it and
 * its fallback answers the gateway's problem+json. A problem+json answer is the service speaking
 * (e.g. booking-web's {@code back-office-unavailable} 503 with its own {@code Retry-After}): it
 * goes to the caller untouched and does not count against the service. Spring Cloud Gateway's
 * {@code CircuitBreaker statusCodes} cannot tell the two apart. Placed in a route right after
 * {@code CircuitBreaker}, as {@code UpstreamFailure}; it acts on 502, 503 and 504.
 */
@Component
public class UpstreamFailureGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** The statuses of an upstream that could not do its work (its own error, its dependency's, a timeout). */
    private static final Set<Integer> FAILURES = Set.of(502, 503, 504);

    public UpstreamFailureGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> chain.filter(exchange).then(Mono.defer(() -> {
            ServerHttpResponse response = exchange.getResponse();
            HttpStatusCode status = response.getStatusCode();
            if (status == null || !FAILURES.contains(status.value()) || problemJson(response.getHeaders())) {
                return Mono.empty();
            }
            return Mono.error(new UpstreamStatusException(status.value(), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        }));
    }

    private static boolean problemJson(HttpHeaders headers) {
        String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_PROBLEM_JSON_VALUE, 0,
                MediaType.APPLICATION_PROBLEM_JSON_VALUE.length());
    }

    /**
     * The upstream answered a bare failure status.
     *
     * @see UpstreamFailureGatewayFilterFactory
     */
    public static final class UpstreamStatusException extends RuntimeException {

        private final int status;
        private final String retryAfter;

        UpstreamStatusException(int status, String retryAfter) {
            super("upstream answered " + status, null, false, false);
            this.status = status;
            this.retryAfter = retryAfter;
        }

        /** The upstream's status. */
        public int status() {
            return status;
        }

        /** The upstream's {@code Retry-After}, if it sent one. */
        public String retryAfter() {
            return retryAfter;
        }
    }
}
