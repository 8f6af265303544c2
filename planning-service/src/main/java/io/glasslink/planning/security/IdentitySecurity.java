package io.glasslink.planning.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
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
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Resource server on the gateway's identity token: HS256 with this service's secret, issuer {@code glasslink-gateway},
 * audience {@code planning-service}, read from the {@code X-Glasslink-Identity} header, {@code exp} and {@code iat}
 * required, at most 60 s between them, judged by the service's clock with 5 s of skew. The OpenAPI document and the
 * error page stay open; the actuator has its own chain ({@link OpsSecurity}). Refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class IdentitySecurity {

    @Bean
    @Order(2)
    SecurityFilterChain identityFilterChain(HttpSecurity http, JwtDecoder decoder, IdentityProperties identity,
                                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
            throws Exception {
        AuthenticationEntryPoint problem = (request, response, e) -> problems.resolveException(request, response, null, e);
        BearerTokenResolver fromHeader = request -> {
            String token = request.getHeader(identity.header());
            return token == null || token.isBlank() ? null : token.trim();
        };
        return http
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(fromHeader)
                        .authenticationEntryPoint(problem)
                        .jwt(jwt -> jwt.decoder(decoder)))
                .exceptionHandling(e -> e.authenticationEntryPoint(problem)
                        .accessDeniedHandler((request, response, denied) -> problems.resolveException(request, response, null, denied)))
                // filters this stateless token API has no use for: each one costs every request a pass
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the
     * previous one too (Nimbus tries each key the selector offers); the claims judged by {@code clock}.
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
        JwtTimestampValidator timestamps = new JwtTimestampValidator(identity.clockSkew());
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                lifetime(identity.maxLifetime(), identity.clockSkew(), clock),
                new JwtIssuerValidator(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }

    /** {@code iat} present and not in the future, and {@code exp} at most {@code maxLifetime} after it (both with the skew). */
    static OAuth2TokenValidator<Jwt> lifetime(Duration maxLifetime, Duration skew, Clock clock) {
        return jwt -> {
            Instant issuedAt = jwt.getIssuedAt();
            Instant expiresAt = jwt.getExpiresAt();
            if (issuedAt == null) {
                return refused("the token has no iat");
            }
            if (issuedAt.isAfter(clock.instant().plus(skew))) {
                return refused("the token is issued in the future");
            }
            if (expiresAt != null && Duration.between(issuedAt, expiresAt).compareTo(maxLifetime.plus(skew)) > 0) {
                return refused("the token lives longer than " + maxLifetime.toSeconds() + " s");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
    }
}
