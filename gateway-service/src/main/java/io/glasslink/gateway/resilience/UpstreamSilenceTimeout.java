package io.glasslink.gateway.resilience;

import java.time.Duration;

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
 * Bounds every silence of an upstream answer, not only the wait for its headers.
 *
 * <p>Spring Cloud Gateway's {@code response-timeout} (route metadata or global) ends when the
 * status line and headers arrive; a body that then stops — a link black-holed mid-answer — would
 * hold the caller's request open for as long as the caller waits. Here the same duration also
 * applies between any two reads of the answer (Reactor Netty's per-request response timeout).
 * When it fires before the gateway has sent anything to its caller, the attempt fails with a
 * {@code ReadTimeoutException}: {@code IdempotentRetry} repeats idempotent calls, the others
 * answer 504 problem+json. When part of the body was already relayed, the caller's connection is
 * closed instead (an HTTP answer cannot be taken back).
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

        Filter(Duration defaultTimeout) {
            this.defaultTimeout = defaultTimeout;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            Duration timeout = route == null ? defaultTimeout : timeout(route.getMetadata().get("response-timeout"));
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
