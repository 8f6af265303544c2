package io.glasslink.supplychain.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

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

    /** The HS256 keys accepted: this service's secret, then the previous one during a rotation. */
    public List<SecretKey> secretKeys() {
        List<SecretKey> keys = new ArrayList<>(List.of(new SecretKeySpec(secretBytes(), "HmacSHA256")));
        if (previousSecret != null && !previousSecret.isBlank()) {
            keys.add(new SecretKeySpec(Base64.getDecoder().decode(previousSecret.trim()), "HmacSHA256"));
        }
        return List.copyOf(keys);
    }
}
