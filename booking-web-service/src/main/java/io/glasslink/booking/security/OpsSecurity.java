package io.glasslink.booking.security;

import io.glasslink.booking.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator: health (and its liveness and readiness groups), info and the Prometheus scrape answer anyone, health
 * only with the status ({@code show-details: when-authorized}, role {@code OPS}); the details, the components and
 * the other endpoints need the ops credentials (HTTP Basic).
 */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    static final String ROLE = "OPS";

    @Bean
    @Order(2)
    SecurityFilterChain actuator(HttpSecurity http, OpsProperties ops, JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"glasslink ops\"");
            Problems.write(response, json, request, 401, "unauthenticated", "the ops credentials are required");
        };
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                // the password comes from the environment, in clear: nothing is gained by hashing it in memory
                User.withUsername(ops.username()).password("{noop}" + ops.password()).roles(ROLE).build()));
        return http.securityMatcher("/actuator/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().hasRole(ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response, json, request,
                                403, "forbidden", "the ops role is required")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }
}
