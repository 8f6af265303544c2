package io.glasslink.supplychain.security;

import java.util.Base64;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How gateway identity tokens are checked: this service's HS256 secret shared with the gateway
 * (base64, at least 256 bits), during a rotation the previous one (accepted too, until it is
 * removed), the expected issuer and this service's audience, and the header that carries the
 * token.
 */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(String secret, String previousSecret, String issuer, String audience, String header) {

    public IdentityProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("glasslink.identity.secret (IDENTITY_SECRET) is required");
        }
        if (Base64.getDecoder().decode(secret.trim()).length < 32) {
            throw new IllegalArgumentException("glasslink.identity.secret must be at least 256 bits (32 bytes, base64)");
        }
        if (previousSecret != null && !previousSecret.isBlank()
                && Base64.getDecoder().decode(previousSecret.trim()).length < 32) {
            throw new IllegalArgumentException(
                    "glasslink.identity.previous-secret must be at least 256 bits (32 bytes, base64)");
        }
    }

    /** The decoded secret. */
    public byte[] secretBytes() {
        return Base64.getDecoder().decode(secret.trim());
    }

    /** The decoded previous secret, while a rotation is under way. */
    public Optional<byte[]> previousSecretBytes() {
        return previousSecret == null || previousSecret.isBlank()
                ? Optional.empty() : Optional.of(Base64.getDecoder().decode(previousSecret.trim()));
    }
}
