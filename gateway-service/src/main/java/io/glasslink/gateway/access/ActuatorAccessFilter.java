package io.glasslink.gateway.access;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import io.glasslink.gateway.problems.GatewayProblem;
import reactor.core.publisher.Mono;

/**
 * The gateway's port faces partners and the internet, so its actuator is not open to them: health
 * ({@code /actuator/health/**}, what load balancers and the launcher probe) stays public, every
 * other actuator endpoint (Prometheus metrics, circuit breakers, info) needs the API key of an
 * {@code ops} client (401 problem+json without one, 403 for any other client).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ActuatorAccessFilter implements WebFilter {

    private final Clients clients;

    public ActuatorAccessFilter(Clients clients) {
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/actuator") || path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            return chain.filter(exchange);
        }
        String apiKey = exchange.getRequest().getHeaders().getFirst(AccessFilter.API_KEY_HEADER);
        Caller caller = apiKey == null ? null : clients.byApiKey(apiKey).orElse(null);
        if (caller == null) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + AccessFilter.API_KEY_HEADER + "\"");
            return Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The actuator needs the API key of an ops client", headers));
        }
        if (caller.kind() != ClientKind.OPS) {
            return Mono.error(new GatewayProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Client " + caller.clientId() + " may not use the actuator"));
        }
        return chain.filter(exchange);
    }
}
