package io.glasslink.supplychain.security;

import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.HeaderBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource-server security: {@code /api/**} needs a valid {@code X-Glasslink-Identity} JWT
 * (HS256 with this service's secret, issuer {@code glasslink-gateway}, audience {@code supply-chain-service}); anything
 * else answers 401 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BearerTokenResolver tokens) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"https://glasslink.io/problems/unauthenticated\","
                    + "\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"a valid gateway identity token is required\","
                    + "\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
        };
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(tokens)
                        .authenticationEntryPoint(unauthorized)
                        .jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                // filters this stateless token API has no use for: each one costs every request a pass
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * No Spring Security observations at all: with them every filter of the chain, the
     * authentication and the authorization each open an observation per request (≈ 10 % of a
     * request's CPU), even when their metrics are switched off by property. The request itself is
     * still observed (http.server.requests).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    BearerTokenResolver identityTokenResolver(IdentityProperties identity) {
        return new HeaderBearerTokenResolver(identity.header());
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the
     * previous one too (Nimbus tries each key the selector offers).
     */
    @Bean
    JwtDecoder identityTokenDecoder(IdentityProperties identity) {
        List<SecretKey> secrets = identity.secretKeys();
        Hs256Verifier verifiers = new Hs256Verifier(secrets);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secrets.get(0))
                .macAlgorithm(MacAlgorithm.HS256)
                .jwtProcessorCustomizer(processor -> {
                    processor.setJWSKeySelector(
                            (header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? secrets : List.of());
                    processor.setJWSVerifierFactory(verifiers);
                })
                .build();
        // the issuer stays a string: the default converter first tries it as a URL, and for
        // "glasslink-gateway" that throws (and catches) an exception on every request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }
}
