package io.glasslink.gateway.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.glasslink.gateway.problems.GatewayProblem;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates the caller of every routed request and checks that its kind may use the route.
 * A route declares who may call it in its metadata {@code access} (comma-separated client kinds,
 * e.g. {@code partner} or {@code internal}); without it the route is public.
 * Missing or invalid credentials answer 401, a known client on a route not meant for it 403.
 */
@Component
public class AccessFilter implements GlobalFilter, Ordered {

    /** Runs early: rate limits, size limits and identity tokens need the caller. */
    public static final int ORDER = -200;

    /** Header carrying an API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private final Clients clients;
    private final PartnerTokens partnerTokens;
    /** The parsed {@code access} metadata per route (routes are few; parsed once, not per request). */
    private final Map<String, Set<ClientKind>> kindsByAccess = new ConcurrentHashMap<>();

    public AccessFilter(Clients clients, PartnerTokens partnerTokens) {
        this.clients = clients;
        this.partnerTokens = partnerTokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object access = route == null ? null : route.getMetadata().get("access");
        Set<ClientKind> allowed = access == null ? Set.of()
                : kindsByAccess.computeIfAbsent(access.toString(), AccessFilter::allowedKinds);
        if (allowed.isEmpty()) {
            exchange.getAttributes().put(Caller.ATTRIBUTE, Caller.ANONYMOUS);
            return chain.filter(exchange);
        }
        return authenticate(exchange.getRequest())
                .switchIfEmpty(Mono.error(() -> unauthorized(exchange.getRequest())))
                .flatMap(caller -> {
                    if (!allowed.contains(caller.kind())) {
                        return Mono.error(new GatewayProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Client " + caller.clientId() + " may not use this route"));
                    }
                    exchange.getAttributes().put(Caller.ATTRIBUTE, caller);
                    return chain.filter(exchange);
                });
    }

    private Mono<Caller> authenticate(ServerHttpRequest request) {
        String apiKey = request.getHeaders().getFirst(API_KEY_HEADER);
        if (apiKey != null) {
            return Mono.justOrEmpty(clients.byApiKey(apiKey));
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return partnerTokens.partnerFor(authorization.substring(7).trim());
        }
        return Mono.empty();
    }

    private static GatewayProblem unauthorized(ServerHttpRequest request) {
        boolean presented = request.getHeaders().containsHeader(API_KEY_HEADER)
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\", ApiKey header=\"" + API_KEY_HEADER + "\""
                : "Bearer, ApiKey header=\"" + API_KEY_HEADER + "\"");
        return new GatewayProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
                presented ? "The API key or bearer token is not valid" : "An API key or a bearer token is required",
                headers);
    }

    private static Set<ClientKind> allowedKinds(String access) {
        if (access.isBlank() || "public".equalsIgnoreCase(access.trim())) {
            return Set.of();
        }
        EnumSet<ClientKind> kinds = EnumSet.noneOf(ClientKind.class);
        Arrays.stream(access.split(","))
                .map(s -> ClientKind.valueOf(s.trim().toUpperCase(Locale.ROOT)))
                .forEach(kinds::add);
        return Set.copyOf(kinds);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
