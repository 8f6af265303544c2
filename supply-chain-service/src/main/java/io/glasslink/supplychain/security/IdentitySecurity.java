package io.glasslink.supplychain.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
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
import org.springframework.security.oauth2.server.resource.web.HeaderBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Resource server on the gateway's identity token: every {@code /api/**} call needs a valid
 * {@code X-Glasslink-Identity} JWT (HS256 with this service's secret, issuer {@code glasslink-gateway},
 * audience {@code supply-chain-service}, {@code iat} and {@code exp} present, living at most 60 s,
 * judged by the service's clock). Anything else answers 401 problem+json (rendered by the error
 * controller); the OpenAPI description stays open.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

    @Bean
    @Order(2)
    SecurityFilterChain identityFilterChain(HttpSecurity http, JwtDecoder identityTokenDecoder,
                                            IdentityProperties identity) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> response.sendError(401,
                "a valid " + identity.header() + " identity token is required");
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new HeaderBearerTokenResolver(identity.header()))
                        .authenticationEntryPoint(unauthenticated)
                        .jwt(jwt -> jwt.decoder(identityTokenDecoder)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated))
                // filters this stateless token API has no use for
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the
     * previous one too (Nimbus tries each key the selector offers); every time judged by {@code clock}.
     */
    @Bean
    JwtDecoder identityTokenDecoder(IdentityProperties identity, Clock clock) {
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
        JwtTimestampValidator expiryAndNotBefore = new JwtTimestampValidator(identity.clockSkew());
        expiryAndNotBefore.setAllowEmptyExpiryClaim(false);
        expiryAndNotBefore.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                expiryAndNotBefore,
                issuedAtAndLifetime(identity.maxLifetime(), identity.clockSkew(), clock),
                new JwtIssuerValidator(identity.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(identity.audience()))));
        return decoder;
    }

    /** {@code iat} present and not in the future, and {@code exp - iat} at most {@code maxLifetime}, both give or take {@code skew}. */
    static OAuth2TokenValidator<Jwt> issuedAtAndLifetime(Duration maxLifetime, Duration skew, Clock clock) {
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
