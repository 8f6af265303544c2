package io.glasslink.booking.config;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.HeaderBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner API trusts only the identity the gateway mints ({@code X-Glasslink-Identity}, HS256 with this service's secret,
 * audience {@code booking-web-service}); the web site is public and keeps CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String IDENTITY_HEADER = "X-Glasslink-Identity";
    static final String AUDIENCE = "booking-web-service";
    static final String ISSUER = "glasslink-gateway";

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new HeaderBearerTokenResolver(IDENTITY_HEADER))
                        .authenticationEntryPoint(problem())
                        .jwt(jwt -> { }))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // filters a stateless token API has no use for: each one costs every partner request a pass
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * No Spring Security observations at all: the property {@code management.observations.enable.spring.security=false}
     * only mutes them, while the filter chain is still decorated with an observation per filter, per request
     * (JFR: ≈ 3 % of booking-web's samples during the search benchmark). {@code http.server.requests} stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(2)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the
     * previous one too (Nimbus tries each key the selector offers).
     */
    @Bean
    JwtDecoder identityDecoder(@Value("${glasslink.identity.secret}") String secret,
                               @Value("${glasslink.identity.previous-secret:}") String previousSecret) {
        List<SecretKey> secrets = new ArrayList<>(List.of(key("glasslink.identity.secret", secret)));
        if (previousSecret != null && !previousSecret.isBlank()) {
            secrets.add(key("glasslink.identity.previous-secret", previousSecret));
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secrets.get(0))
                .macAlgorithm(MacAlgorithm.HS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        (header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? secrets : List.of()))
                .build();
        // the issuer stays a string: the default converter first tries it as a URL, and for
        // "glasslink-gateway" that throws (and catches) an exception on every partner request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                "audience is not " + AUDIENCE, null))));
        return decoder;
    }

    private static SecretKey key(String property, String secret) {
        byte[] key = Base64.getDecoder().decode(secret.trim());
        if (key.length < 32) {
            throw new IllegalArgumentException(property + " must be at least 256 bits (32 bytes, base64)");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static AuthenticationEntryPoint problem() {
        return (request, response, e) -> {
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"a valid " + IDENTITY_HEADER + " token from the gateway is required\","
                    + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
        };
    }

}
