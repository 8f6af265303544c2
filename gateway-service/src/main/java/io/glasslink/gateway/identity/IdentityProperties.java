package io.glasslink.gateway.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How identity tokens are signed.
 *
 * @param privateKeyLocation PKCS#8 PEM RSA private key (RS256)
 * @param issuer             {@code iss} claim
 * @param ttl                token lifetime ({@code exp - iat})
 * @param reuse              how long one minted token is reused for the same caller and audience;
 *                           {@code 0s} mints a new token for every request
 */
@ConfigurationProperties("glasslink.gateway.identity")
public record IdentityProperties(Resource privateKeyLocation, String issuer, Duration ttl, Duration reuse) {

    public IdentityProperties {
        issuer = issuer == null ? "glasslink-gateway" : issuer;
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
        reuse = reuse == null ? Duration.ZERO : reuse;
    }
}
