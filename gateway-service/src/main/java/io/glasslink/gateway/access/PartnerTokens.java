package io.glasslink.gateway.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Validates partner OAuth2 bearer tokens (signature against the configured JWK set or public
 * key, expiry, optional issuer) and maps them to a configured partner.
 */
@Component
public class PartnerTokens {

    private final ReactiveJwtDecoder decoder;
    private final String partnerClaim;
    private final Clients clients;

    public PartnerTokens(AccessProperties properties, Clients clients) {
        this.decoder = decoder(properties.partnerJwt());
        this.partnerClaim = properties.partnerJwt().partnerClaim();
        this.clients = clients;
    }

    /** The partner named by a valid {@code token}; empty when the token is invalid or names no configured partner. */
    public Mono<Caller> partnerFor(String token) {
        if (decoder == null) {
            return Mono.empty();
        }
        return decoder.decode(token)
                .flatMap(jwt -> Mono.justOrEmpty(clients.partner(jwt.getClaimAsString(partnerClaim))))
                .onErrorResume(e -> Mono.empty());
    }

    private static ReactiveJwtDecoder decoder(AccessProperties.PartnerJwt settings) {
        NimbusReactiveJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else if (settings.publicKeyLocation() != null && settings.publicKeyLocation().exists()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(settings)).build();
        } else {
            return null;
        }
        OAuth2TokenValidator<Jwt> validator = settings.issuer() == null || settings.issuer().isBlank()
                ? JwtValidators.createDefault()
                : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static RSAPublicKey publicKey(AccessProperties.PartnerJwt settings) {
        try (InputStream in = settings.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read partner JWT public key " + settings.publicKeyLocation(), e);
        }
    }
}
