package io.glasslink.planning.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** Where the gateway's public key is and what the identity token must say ({@code glasslink.identity.*}). */
@ConfigurationProperties("glasslink.identity")
public record IdentityProperties(Resource publicKeyLocation,
                                 @DefaultValue("glasslink-gateway") String issuer,
                                 @DefaultValue("planning-service") String audience,
                                 @DefaultValue("X-Glasslink-Identity") String header) {
}
