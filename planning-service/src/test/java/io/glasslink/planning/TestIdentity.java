package io.glasslink.planning;

import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;

import io.glasslink.testsupport.GatewayTokens;

/** The gateway's identity tokens as planning's tests need them (keys from {@link GatewayTokens}). */
public final class TestIdentity {

    private TestIdentity() {
    }

    /** {@code file:} location of the public key, for {@code glasslink.identity.public-key-location}. */
    public static String publicKeyLocation() {
        return GatewayTokens.publicKeyLocation();
    }

    /** A valid token for planning-service. */
    public static String token() {
        return token(GatewayTokens.ISSUER, "planning-service", Instant.now().plusSeconds(60), GatewayTokens.privateKey());
    }

    /** A token with the given issuer, audience and expiry, signed with {@code key}. */
    public static String token(String issuer, String audience, Instant expiresAt, RSAPrivateKey key) {
        return GatewayTokens.sign(GatewayTokens.claims(issuer, audience, "booking-web-service", expiresAt).build(), key);
    }

    /** The private key of the tests' gateway. */
    public static RSAPrivateKey privateKey() {
        return GatewayTokens.privateKey();
    }

    /** A private key the service does not trust. */
    public static RSAPrivateKey strangerKey() {
        return GatewayTokens.strangerKey();
    }
}
