package io.glasslink.booking.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import io.glasslink.booking.web.Problems;
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
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuedAtValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.HeaderBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The partner API ({@code /api/**}) trusts only the identity token the gateway mints per request: HS256 with this
 * service's secret, from the gateway, for this audience, with {@code exp} and {@code iat}, living at most
 * {@code max-lifetime} (+ skew), not used before its {@code nbf} — all judged by the service's clock. Refusals are
 * 401 problem+json.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http, JwtDecoder identityDecoder, IdentityProperties identity,
                                   JsonMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> Problems.write(response, json, request,
                401, "unauthenticated", "a valid " + identity.header() + " token from the gateway is required");
        AccessDeniedHandler forbidden = (request, response, e) -> Problems.write(response, json, request, 403,
                "forbidden", "not allowed");
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(new HeaderBearerTokenResolver(identity.header()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.decoder(identityDecoder)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // filters a stateless token API has no use for: each one costs every partner request a pass
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .build();
    }

    @Bean
    JwtDecoder identityDecoder(IdentityProperties identity, Clock clock) {
        return decoder(identity, clock);
    }

    /**
     * The identity token decoder: HS256 with this service's secret and, during a rotation, the previous one too
     * (Nimbus tries each key the selector offers).
     */
    static JwtDecoder decoder(IdentityProperties identity, Clock clock) {
        List<SecretKey> secrets = identity.secretKeys();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secrets.get(0))
                .macAlgorithm(MacAlgorithm.HS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        (header, context) -> JWSAlgorithm.HS256.equals(header.getAlgorithm()) ? secrets : List.of()))
                .build();
        // the issuer stays a string: the default converter first tries it as a URL, and for
        // "glasslink-gateway" that throws (and catches) an exception on every partner request
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        JwtTimestampValidator expiry = new JwtTimestampValidator(identity.clockSkew());
        expiry.setAllowEmptyExpiryClaim(false);
        expiry.setClock(clock);
        JwtIssuedAtValidator issuedAt = new JwtIssuedAtValidator(true);
        issuedAt.setClockSkew(identity.clockSkew());
        issuedAt.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, issuedAt,
                lifetime(identity.maxLifetime().plus(identity.clockSkew())),
                new JwtIssuerValidator(identity.issuer()), new JwtAudienceValidator(identity.audience())));
        return decoder;
    }

    /** A token may not live longer than {@code longest} from its {@code iat} to its {@code exp}. */
    private static OAuth2TokenValidator<Jwt> lifetime(Duration longest) {
        return jwt -> {
            Instant issued = jwt.getIssuedAt();
            Instant expires = jwt.getExpiresAt();
            if (issued != null && expires != null && Duration.between(issued, expires).compareTo(longest) > 0) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token lives longer than " + longest.toSeconds() + " s", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }
}
