package io.glasslink.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The upstream timeout of every route: Reactor Netty's per-request response timeout, from the
 * moment the request is sent to its answer's headers and then between any two reads of the answer
 * (route metadata {@code upstream-timeout} in ms, else {@code httpclient.response-timeout}). A call that
 * {@code IdempotentRetry} may repeat (idempotent, or keyed with {@code Idempotency-Key}) has its own, shorter
 * per-attempt timeout when the route sets {@code retryable-upstream-timeout}: a call caught on a dead link path is
 * abandoned after it and retried on a fresh connection (the link moves new connections to the VPN in under a second),
 * instead of waiting as long as a single-shot write must.
 *
 * <p>It replaces Spring Cloud Gateway's own route {@code response-timeout} (set to {@code -1} on
 * every route), for two reasons. That timer stops at the answer's headers, so a body that then
 * stops (a link black-holed mid-answer) would hold the caller's request for as long as the caller
 * waits. And it runs on a timer thread, not on the connection's event loop: when it fired while the
 * answer was arriving, the retry started while the routing filter was still copying the late
 * answer's headers into the response, and the caller got that attempt's headers twice (two
 * {@code Content-Length} values, which its client refused: the intermittent {@code FailoverTests}
 * I/O error). Reactor Netty's timeout fires on the event loop that reads the answer, so an attempt
 * either times out or delivers its headers, never both.
 *
 * <p>When it fires before the gateway has sent anything to its caller, the attempt fails with a
 * {@code ReadTimeoutException}: {@code IdempotentRetry} repeats idempotent calls, the others answer
 * 504 problem+json. When part of the body was already relayed, the caller's connection is closed
 * instead (an HTTP answer cannot be taken back).
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamSilenceTimeout {

    /** Reactor context key carrying the current route's timeout to the HTTP client. */
    static final String CONTEXT_KEY = UpstreamSilenceTimeout.class.getName();

    @Bean
    HttpClientCustomizer upstreamSilenceTimeoutCustomizer() {
        return client -> client.doOnRequest((request, connection) -> request.currentContextView()
                .<Duration>getOrEmpty(CONTEXT_KEY).ifPresent(request::responseTimeout));
    }

    @Bean
    GlobalFilter upstreamSilenceTimeoutFilter(HttpClientProperties properties) {
        return new Filter(properties.getResponseTimeout());
    }

    /** Puts the route's response timeout into the context of the routing call. */
    static final class Filter implements GlobalFilter, Ordered {

        private final Duration defaultTimeout;
        /** The parsed {@code upstream-timeout} per metadata value, empty for none (routes are few: parsed once, not per request). */
        private final Map<Object, Optional<Duration>> parsed = new ConcurrentHashMap<>();

        Filter(Duration defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            Object metadata = route == null ? null : route.getMetadata().get("upstream-timeout");
            Object perAttempt = route == null ? null : route.getMetadata().get("retryable-upstream-timeout");
            if (perAttempt != null && IdempotentRetryGatewayFilterFactory.retryable(exchange.getRequest())) {
                metadata = perAttempt;
            }
            Duration timeout = metadata == null ? defaultTimeout
                    : parsed.computeIfAbsent(metadata, m -> Optional.ofNullable(timeout(m))).orElse(null);
            return timeout == null ? chain.filter(exchange) : chain.filter(exchange).contextWrite(c -> c.put(CONTEXT_KEY, timeout));
        }

        private Duration timeout(Object metadata) {
            if (metadata instanceof Number millis) {
                return millis.longValue() < 0 ? null : Duration.ofMillis(millis.longValue());
            }
            if (metadata instanceof String text && !text.isBlank()) {
                long millis = Long.parseLong(text.trim());
                return millis < 0 ? null : Duration.ofMillis(millis);
            }
            return defaultTimeout;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 100;
        }
    }
}
