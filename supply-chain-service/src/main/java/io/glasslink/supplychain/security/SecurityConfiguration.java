package io.glasslink.supplychain.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.HeaderBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Resource-server security: {@code /api/**} needs a valid {@code X-Glasslink-Identity} JWT
 * (HS256 with this service's secret, issuer {@code glasslink-gateway}, audience {@code supply-chain-service}); anything
 * else answers 401 as problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BearerTokenResolver tokens, JwtDecoder identityTokens)
            throws Exception {
        // the token's own authentication manager, without an event publisher: nothing here listens to
        // authentication events (no audit), and publishing one per request through Spring Modulith's
        // event multicaster (which looks for transactional listeners of every event) cost ≈ 6 % of a request
        ProviderManager identityAuthentication = new ProviderManager(new JwtAuthenticationProvider(identityTokens));
        AuthenticationEntryPoint unauthorized = (request, response, e) -> problem(request, response,
                HttpStatus.UNAUTHORIZED, "unauthenticated", "a valid gateway identity token is required");
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(tokens)
                        .authenticationEntryPoint(unauthorized)
                        .jwt(jwt -> jwt.authenticationManager(identityAuthentication)))
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

    /**
     * Spring Security's strict firewall with all its rules, its header and parameter-name
     * character checks done by {@link HeaderCharacters} instead of regular expressions (same
     * verdicts; the expressions cost about a third of an availability request's CPU, mostly on
     * the identity token's header).
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAssignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::isHeaderValue);
        firewall.setAllowedParameterNames(HeaderCharacters::isAssignedAndNotControl);
        // what the firewall refuses is bad input too: 400 as problem+json, like every other error
        RequestRejectedHandler rejected = (request, response, e) -> problem(request, response, HttpStatus.BAD_REQUEST,
                "request-rejected", "a header, a parameter name or the URL holds characters that are not allowed");
        return web -> web.httpFirewall(firewall).requestRejectedHandler(rejected);
    }

    /** Writes an RFC 9457 problem for an answer given before Spring MVC (and its advice) is reached. */
    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                                String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"https://glasslink.io/problems/" + type + "\",\"title\":\""
                + status.getReasonPhrase() + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail
                + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "").replace("\\", "") + "\"}");
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
