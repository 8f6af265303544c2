package io.glasslink.supplychain.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How gateway identity tokens are checked ({@code glasslink.identity.*}): this service's HS256 secret
 * shared with the gateway (base64, at least 256 bits), during a rotation the previous one (accepted
 * too, until it is removed), the expected issuer and this service's audience, the header that
 * carries the token, the longest lifetime a token may have and the clock skew allowed on its times.
 */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(String secret,
                                 String previousSecret,
                                 @DefaultValue("glasslink-gateway") String issuer,
                                 @DefaultValue("supply-chain-service") String audience,
                                 @DefaultValue("X-Glasslink-Identity") String header,
                                 @DefaultValue("60s") Duration maxLifetime,
                                 @DefaultValue("5s") Duration clockSkew) {

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
}
