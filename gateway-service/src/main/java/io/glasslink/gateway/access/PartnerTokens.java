package io.glasslink.gateway.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Validates partner OAuth2 bearer tokens (signature against the configured JWK set or public
 * key, {@code exp} required and judged by the gateway's {@link Clock}, {@code nbf}, optional
 * issuer) and maps them to a configured partner.
 */
@Component
public class PartnerTokens {

    private final ReactiveJwtDecoder decoder;
    private final String partnerClaim;
    private final Clients clients;

    public PartnerTokens(AccessProperties properties, Clients clients, Clock clock, WebClient.Builder webClients) {
        this.decoder = decoder(properties.partnerJwt(), clock, webClients);
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

    private static ReactiveJwtDecoder decoder(AccessProperties.PartnerJwt settings, Clock clock, WebClient.Builder webClients) {
        NimbusReactiveJwtDecoder decoder;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            // the auto-configured, observed client: a JWK set fetched for a request is a span of its trace
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).webClient(webClients.build()).build();
        } else if (settings.publicKeyLocation() != null && settings.publicKeyLocation().exists()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(settings)).build();
        } else {
            return null;
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        timestamps.setAllowEmptyExpiryClaim(false); // a partner token that never expires is refused
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
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
