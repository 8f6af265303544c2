package io.glasslink.supplychain;

import java.time.Duration;
import java.time.Instant;

import io.glasslink.testsupport.GatewayTokens;

/** The gateway's identity tokens as supply-chain's tests need them (secret from {@link GatewayTokens}). */
public final class TestIdentity {

    private TestIdentity() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return GatewayTokens.secret();
    }

    /** A valid token for the supply-chain service, living {@code ttl}. */
    public static String token(Duration ttl) {
        return token(GatewayTokens.ISSUER, "supply-chain-service", ttl, GatewayTokens.signingKey());
    }

    /** A valid token living one minute, as the gateway mints them. */
    public static String token() {
        return token(Duration.ofMinutes(1));
    }

    /** A token with the given issuer and audience, signed with the gateway's secret. */
    public static String token(String issuer, String audience, Duration ttl) {
        return token(issuer, audience, ttl, GatewayTokens.signingKey());
    }

    /** A well-formed token signed with some other secret. */
    public static String tokenSignedByStranger() {
        return token(GatewayTokens.ISSUER, "supply-chain-service", Duration.ofMinutes(1), GatewayTokens.strangerKey());
    }

    private static String token(String issuer, String audience, Duration ttl, byte[] key) {
        return GatewayTokens.sign(GatewayTokens.claims(issuer, audience, "booking-web-service", Instant.now().plus(ttl)).build(), key);
    }
}
