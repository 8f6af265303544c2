package io.glasslink.planning.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HS256 secret this service shares with the gateway (base64, at least 256 bits), during a
 * rotation the previous one (accepted too, until it is removed), and what the identity token must
 * say ({@code glasslink.identity.*}): its issuer and audience, the header it comes in, how long it
 * may live ({@code exp - iat}, 60 s) and the clock skew allowed on {@code exp}, {@code iat},
 * {@code nbf} and that lifetime (5 s).
 */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(String secret,
                                 String previousSecret,
                                 @DefaultValue("glasslink-gateway") String issuer,
                                 @DefaultValue("planning-service") String audience,
                                 @DefaultValue("X-Glasslink-Identity") String header,
                                 @DefaultValue("PT60S") Duration maxLifetime,
                                 @DefaultValue("PT5S") Duration clockSkew) {

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
