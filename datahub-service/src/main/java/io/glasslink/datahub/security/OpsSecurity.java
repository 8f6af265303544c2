package io.glasslink.datahub.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator: health (status only, and the liveness/readiness groups), info and the Prometheus scrape
 * are open; health details and every other endpoint need the ops credentials (HTTP Basic, role OPS).
 * The lake catalogue API and its OpenAPI document stay open: they describe what landed (names, counts,
 * S3 locations) and hold no event data, and the hub is reachable only inside the network (no gateway
 * route). Refusals are 401 problem+json, rendered by the error controller.
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    static final String ROLE = "OPS";

    @Bean
    @Order(1)
    SecurityFilterChain opsFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll()
                        .anyRequest().hasRole(ROLE))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** The catalogue API, its OpenAPI document and the error page: open, read-only, no session. */
    @Bean
    @Order(2)
    SecurityFilterChain openFilterChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService opsUsers(OpsProperties ops) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(ops.username())
                .password(encoder.encode(ops.password())).roles(ROLE).build());
    }
}
