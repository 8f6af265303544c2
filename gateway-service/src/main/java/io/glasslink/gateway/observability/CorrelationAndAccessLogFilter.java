package io.glasslink.gateway.observability;

import java.util.UUID;

import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.link.LinkPath;
import io.glasslink.gateway.problems.GatewayProblem;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id (the caller's {@code X-Correlation-Id} if it sent a
 * sane one), passes it downstream and back, and writes one access-log line per request
 * (logger {@code glasslink.access}) when the response starts, in the request's trace (its ids in the MDC).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationAndAccessLogFilter implements WebFilter {

    /** The correlation header of docs/contracts.md. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private static final Logger access = LoggerFactory.getLogger(AsyncAccessLog.LOGGER);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String incoming = exchange.getRequest().getHeaders().getFirst(CORRELATION_HEADER);
        String correlationId = incoming != null && isSaneId(incoming)
                ? incoming : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> h.set(CORRELATION_HEADER, correlationId)).build();
        exchange.getResponse().getHeaders().set(CORRELATION_HEADER, correlationId);
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(GatewayProblem.REQUEST_PATH_ATTR, request.getPath().value());
        mutated.getResponse().beforeCommit(() -> {
            if (access.isInfoEnabled()) {
                RequestTrace.log(mutated, () -> logAccess(mutated, request, start, correlationId));
            }
            return Mono.empty();
        });
        return Mono.deferContextual(context -> {
            // the server observation (and its span) of this request, for the log lines written about it
            Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            if (observation != null) {
                mutated.getAttributes().put(RequestTrace.ATTRIBUTE, observation);
            }
            return chain.filter(mutated);
        });
    }

    /** 1 to 128 of {@code [A-Za-z0-9._:-]}: a loop, as every request checks it. */
    static boolean isSaneId(String id) {
        int length = id.length();
        if (length == 0 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void logAccess(ServerWebExchange exchange, ServerHttpRequest request, long start, String correlationId) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Caller caller = Caller.of(exchange);
        access.info("{} {} {} {}us route={} client={} partner={} link={} correlationId={}",
                request.getMethod(), request.getPath().value(), exchange.getResponse().getStatusCode(),
                (System.nanoTime() - start) / 1000, route == null ? "-" : route.getId(), caller.clientId(),
                caller.partnerId() == null ? "-" : caller.partnerId(), LinkPath.of(exchange), correlationId);
    }
}
