package io.glasslink.bench.frameworkgateway;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import reactor.core.publisher.Mono;

/**
 * FEATURE_SECURITY: the smallest Spring Security WebFlux chain for API keys. Every exchange must carry a known
 * {@code X-API-Key} (401 otherwise); stateless (no security context saved, no request cache, no CSRF); the default
 * security headers stay on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("security")
class ApiKeySecurity {

    static final String HEADER = "X-API-Key";

    /** Key to client name: the benchmark's one key. */
    private static final Map<String, String> CLIENTS = Map.of("bench-key", "bench-client");

    /** A bean, so that Boot configures no in-memory user of its own. */
    @Bean
    ReactiveAuthenticationManager apiKeyAuthenticationManager() {
        return authentication -> Mono.justOrEmpty(CLIENTS.get((String) authentication.getCredentials()))
                .<Authentication>map(client -> UsernamePasswordAuthenticationToken.authenticated(client, null,
                        AuthorityUtils.NO_AUTHORITIES))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown API key")));
    }

    @Bean
    SecurityWebFilterChain apiKeyChain(ServerHttpSecurity http, ReactiveAuthenticationManager manager) {
        HttpStatusServerEntryPoint unauthorized = new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationWebFilter apiKey = new AuthenticationWebFilter(manager);
        apiKey.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(HEADER))
                .map(key -> UsernamePasswordAuthenticationToken.unauthenticated(key, key)));
        apiKey.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthorized));
        return http
                .addFilterAt(apiKey, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }
}
