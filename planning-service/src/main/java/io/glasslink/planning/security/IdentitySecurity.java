package io.glasslink.planning.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource server on the gateway's identity token: HS256 with this service's secret, issuer {@code glasslink-gateway},
 * audience {@code planning-service}, read from the {@code X-Glasslink-Identity} header. Health,
 * info, metrics and the OpenAPI document stay open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IdentitySecurity {

    @Bean
    SecurityFilterChain identityFilterChain(HttpSecurity http, JwtDecoder decoder, IdentityProperties identity) throws Exception {
        AuthenticationEntryPoint problem = (request, response, e) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("""
                    {"type":"https://glasslink.io/problems/unauthenticated","title":"Unauthorized","status":401,\
                    "detail":"a valid %s token is required","instance":"%s"}""".formatted(identity.header(),
                    request.getRequestURI().replace("\"", "")));
        };
        BearerTokenResolver fromHeader = request -> {
            String token = request.getHeader(identity.header());
            return token == null || token.isBlank() ? null : token.trim();
        };
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(fromHeader)
                        .authenticationEntryPoint(problem)
                        .jwt(jwt -> jwt.decoder(decoder)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problem))
                // filters this stateless token API has no use for: each one costs every request a pass
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * No Spring Security observations: with them every filter of the chain, the authentication and
     * the authorization each open an observation per request, even with
     * {@code management.observations.enable.spring.security=false} (the JFR profile of a hold still
     * showed the decorator on every filter). The request itself stays observed (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the
     * previous one too (Nimbus tries each key the selector offers).
     */
    @Bean
    JwtDecoder identityJwtDecoder(IdentityProperties identity, Clock clock) {
        List<SecretKey> secrets = identity.secretKeys();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secrets.get(0))
                .macAlgorithm(MacAlgorithm.HS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        (header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? secrets : List.of()))
                .build();
        // the issuer stays a string: the default converter first tries it as a URL, and for
        // "glasslink-gateway" that throws (and catches) an exception on every request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        // exp and nbf are judged by the service's clock, not the machine's
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }
}
