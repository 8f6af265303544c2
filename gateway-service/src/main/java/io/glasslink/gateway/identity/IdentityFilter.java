package io.glasslink.gateway.identity;

import io.glasslink.gateway.access.AccessFilter;
import io.glasslink.gateway.access.Caller;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes any identity a client claims for itself ({@code X-Glasslink-Identity},
 * {@code X-Partner-Id}) and the caller's own credentials ({@code X-API-Key}, {@code Authorization}:
 * a partner's key or token is not the services' to see, and the identity token replaces it), and adds
 * the gateway-signed {@code X-Glasslink-Identity} for the route's audience (route metadata {@code audience}).
 *
 * <p>It runs after the route's filters, so inside {@code IdempotentRetry}: every attempt carries a token minted for
 * it, and a retry after a slow first attempt never sends a token that aged past its 60 s (the service would answer
 * 401).
 */
@Component
public class IdentityFilter implements GlobalFilter, Ordered {

    /** The identity header of docs/contracts.md. */
    public static final String IDENTITY_HEADER = "X-Glasslink-Identity";

    private final IdentityTokens tokens;

    public IdentityFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object audience = route == null ? null : route.getMetadata().get("audience");
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(IDENTITY_HEADER);
            headers.remove("X-Partner-Id");
            headers.remove(AccessFilter.API_KEY_HEADER);
            headers.remove(HttpHeaders.AUTHORIZATION);
            if (audience != null) {
                headers.set(IDENTITY_HEADER, tokens.tokenFor(Caller.of(exchange), audience.toString()));
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    /** After every route filter (their order is their position, 1..n) and the request URL, before the routing call. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }
}
