package io.glasslink.gateway.security;

import java.util.List;
import java.util.Optional;

import io.glasslink.gateway.access.AccessFilter;
import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.access.ClientKind;
import io.glasslink.gateway.access.Clients;
import io.glasslink.gateway.problems.GatewayProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.server.authentication.ServerHttpBasicAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's port faces partners and the internet, so its actuator is not open to them. Health
 * ({@code /actuator/health/**}, what load balancers and the launcher probe) answers its status to
 * anyone and its details only to the ops credentials, info answers anyone; every other actuator
 * endpoint (Prometheus, metrics, loggers, env, thread dump, circuit breakers) needs them: on this
 * port the Prometheus scrape would tell anyone the partners' names and traffic. Ops credentials are
 * the API key of an {@code ops} client or HTTP Basic as the ops user ({@code OPS_USERNAME}/{@code
 * OPS_PASSWORD}, what Spring Boot Admin sends). Wrong credentials answer 401 problem+json, another
 * client's key 403.
 *
 * <p>The Basic header is read and checked by Spring Security's own converter and authentication
 * manager, and the authenticated ops user reaches the actuator through Spring Security's reactive
 * context (what {@code show-details: when-authorized} reads). Spring Security's web filter chain
 * is not used: its firewall and matchers would run on every routed request, not only here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class OpsSecurity implements WebFilter {

    /** The role of the ops credentials ({@code management.endpoint.health.roles}). */
    static final String OPS_ROLE = "OPS";

    private static final String CHALLENGE = "Basic realm=\"glasslink-ops\", ApiKey header=\"" + AccessFilter.API_KEY_HEADER + "\"";

    private final Clients clients;
    private final ServerHttpBasicAuthenticationConverter basic = new ServerHttpBasicAuthenticationConverter();
    private final ReactiveAuthenticationManager opsUser;

    public OpsSecurity(Clients clients, OpsProperties ops) {
        this.clients = clients;
        this.opsUser = opsUser(ops);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
        return authenticate(exchange).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(ops -> {
            if (ops.isPresent()) {
                return chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(ops.get()));
            }
            return open ? chain.filter(exchange)
                    : Mono.error(unauthorized("The actuator needs the ops credentials (HTTP Basic or an ops API key)"));
        });
    }

    /** The ops authentication of the request; empty without credentials, an error for wrong ones. */
    private Mono<Authentication> authenticate(ServerWebExchange exchange) {
        String apiKey = exchange.getRequest().getHeaders().getFirst(AccessFilter.API_KEY_HEADER);
        if (apiKey != null) {
            Caller caller = clients.byApiKey(apiKey).orElse(null);
            if (caller == null) {
                return Mono.error(unauthorized("The API key is not valid"));
            }
            if (caller.kind() != ClientKind.OPS) {
                return Mono.error(new GatewayProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "Client " + caller.clientId() + " may not use the actuator"));
            }
            return Mono.just(UsernamePasswordAuthenticationToken.authenticated(caller.clientId(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + OPS_ROLE))));
        }
        return basic.convert(exchange)
                .flatMap(credentials -> opsUser == null ? Mono.error(unauthorized("No ops user is configured"))
                        : opsUser.authenticate(credentials))
                .onErrorMap(AuthenticationException.class, e -> unauthorized("The ops user name or password is not valid"));
    }

    private static GatewayProblem unauthorized(String detail) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        return new GatewayProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", detail, headers);
    }

    private static ReactiveAuthenticationManager opsUser(OpsProperties ops) {
        if (ops.username() == null || ops.username().isBlank() || ops.password() == null || ops.password().isBlank()) {
            return null;
        }
        // a plain password is compared as such; "{bcrypt}..." and the other encoded forms are checked by their encoder
        String password = ops.password().startsWith("{") ? ops.password() : "{noop}" + ops.password();
        UserDetailsRepositoryReactiveAuthenticationManager manager = new UserDetailsRepositoryReactiveAuthenticationManager(
                new MapReactiveUserDetailsService(User.withUsername(ops.username()).password(password).roles(OPS_ROLE).build()));
        manager.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return manager;
    }
}
