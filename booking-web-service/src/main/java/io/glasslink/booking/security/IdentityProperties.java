package io.glasslink.booking.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's identity token as this service accepts it ({@code glasslink.identity.*}): the HS256 secret shared
 * with the gateway (base64, at least 256 bits), during a rotation the previous one, the issuer, this service's
 * audience, the header it travels in, the longest lifetime a token may have and the clock skew allowed on
 * {@code exp}, {@code iat} and {@code nbf}.
 */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(String secret,
                                 String previousSecret,
                                 @DefaultValue("glasslink-gateway") String issuer,
                                 @DefaultValue("booking-web-service") String audience,
                                 @DefaultValue("X-Glasslink-Identity") String header,
                                 @DefaultValue("60s") Duration maxLifetime,
                                 @DefaultValue("5s") Duration clockSkew) {

    public IdentityProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("glasslink.identity.secret (IDENTITY_SECRET) is required");
        }
        check("glasslink.identity.secret", secret);
        if (previousSecret != null && !previousSecret.isBlank()) {
            check("glasslink.identity.previous-secret", previousSecret);
        }
    }

    /** The HS256 keys accepted: this service's secret, then the previous one during a rotation. */
    public List<SecretKey> secretKeys() {
        List<SecretKey> keys = new ArrayList<>(List.of(key(secret)));
        if (previousSecret != null && !previousSecret.isBlank()) {
            keys.add(key(previousSecret));
        }
        return List.copyOf(keys);
    }

    private static SecretKey key(String base64) {
        return new SecretKeySpec(Base64.getDecoder().decode(base64.trim()), "HmacSHA256");
    }

    private static void check(String property, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " must be base64", e);
        }
        if (key.length < 32) {
            throw new IllegalArgumentException(property + " must be at least 256 bits (32 bytes, base64)");
        }
    }
}
