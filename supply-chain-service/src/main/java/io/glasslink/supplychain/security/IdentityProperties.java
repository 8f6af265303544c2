package io.glasslink.supplychain.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How gateway identity tokens are checked: the gateway's RSA public key (PEM), the expected
 * issuer and this service's audience, and the header that carries the token.
 */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(Resource publicKeyLocation, String issuer, String audience, String header) {
}
