package io.glasslink.gateway.identity;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity tokens are signed.
 *
 * @param secrets HS256 secret per audience (downstream service name → base64, at least 256
 *                bits); each downstream service holds only its own
 * @param issuer  {@code iss} claim
 * @param ttl     token lifetime ({@code exp - iat})
 */
@ConfigurationProperties("glasslink.gateway.identity")
public record IdentityProperties(Map<String, String> secrets, String issuer, Duration ttl) {

    public IdentityProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        issuer = issuer == null ? "glasslink-gateway" : issuer;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
        secrets.forEach((audience, secret) -> {
            if (decode(audience, secret).length < 32) {
                throw new IllegalArgumentException("glasslink.gateway.identity.secrets." + audience
                        + " must be at least 256 bits (32 bytes, base64)");
            }
        });
    }

    /** The decoded secret of {@code audience}. */
    public byte[] secretOf(String audience) {
        String secret = secrets.get(audience);
        if (secret == null) {
            throw new IllegalStateException("no identity secret for audience " + audience
                    + " (glasslink.gateway.identity.secrets." + audience + ")");
        }
        return decode(audience, secret);
    }

    private static byte[] decode(String audience, String secret) {
        try {
            return Base64.getDecoder().decode(secret == null ? "" : secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("glasslink.gateway.identity.secrets." + audience + " is not base64", e);
        }
    }
}
