package io.glasslink.gateway.access;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The known clients and how partner JWTs are validated (the actuator's ops user: security/OpsProperties).
 *
 * @param clients    client id → client settings
 * @param partnerJwt validation of partner OAuth2 bearer tokens
 */
@ConfigurationProperties("glasslink.gateway.access")
public record AccessProperties(Map<String, Client> clients, PartnerJwt partnerJwt) {

    public AccessProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        partnerJwt = partnerJwt == null ? new PartnerJwt(null, null, null, null) : partnerJwt;
    }

    /**
     * One client.
     *
     * @param kind      partner or internal
     * @param keySha256 lower-case hex SHA-256 of its API key (the key itself is never stored)
     * @param rateLimit its request budget; none means unlimited
     */
    public record Client(ClientKind kind, String keySha256, RateLimit rateLimit) {
    }

    /**
     * A token bucket: {@code capacity} requests per {@code period}, refilled gradually.
     *
     * @param capacity requests allowed per period (also the burst size)
     * @param period   the refill period
     */
    public record RateLimit(long capacity, Duration period) {
    }

    /**
     * Where partner JWT signing keys come from; with neither a JWK set URI nor a public key,
     * bearer tokens are refused.
     *
     * @param jwkSetUri           JWK set of the partners' authorization server
     * @param publicKeyLocation   a PEM RSA public key instead of a JWK set
     * @param issuer              required {@code iss}, if set
     * @param partnerClaim        claim that names the partner (a configured partner client id); default {@code sub}
     */
    public record PartnerJwt(String jwkSetUri, Resource publicKeyLocation, String issuer, String partnerClaim) {

        public PartnerJwt {
            partnerClaim = partnerClaim == null || partnerClaim.isBlank() ? "sub" : partnerClaim;
        }
    }
}
