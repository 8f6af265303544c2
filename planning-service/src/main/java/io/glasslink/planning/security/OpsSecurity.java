package io.glasslink.planning.security;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The actuator's chain: health (status only, and the liveness and readiness groups), info and
 * prometheus answer anyone; health details and components ({@code when-authorized}) and every
 * other endpoint need the ops credentials (HTTP Basic, role OPS). Refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain opsFilterChain(HttpSecurity http, OpsProperties ops,
                                       @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) throws Exception {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername(ops.username())
                .password(encoder.encode(ops.password())).roles("OPS").build());
        AuthenticationEntryPoint basic = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"glasslink-ops\"");
            problems.resolveException(request, response, null, e);
        };
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().hasRole("OPS"))
                .httpBasic(basicAuth -> basicAuth.authenticationEntryPoint(basic))
                .userDetailsService(users)
                .exceptionHandling(e -> e.authenticationEntryPoint(basic)
                        .accessDeniedHandler((request, response, denied) -> problems.resolveException(request, response, null, denied)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .build();
    }
}
