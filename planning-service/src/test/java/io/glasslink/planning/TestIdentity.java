package io.glasslink.planning;

import java.time.Instant;

import io.glasslink.testsupport.GatewayTokens;

/** The gateway's identity tokens as planning's tests need them (secret from {@link GatewayTokens}). */
public final class TestIdentity {

    private TestIdentity() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return GatewayTokens.secret();
    }

    /** A valid token for planning-service, issued now by the test clock and living 60 s, as the gateway mints them. */
    public static String token() {
        return GatewayTokens.token(BusinessTime.CLOCK, "planning-service", "booking-web-service");
    }

    /** A token with the given issuer, audience and expiry, issued now by the test clock, signed with {@code key}. */
    public static String token(String issuer, String audience, Instant expiresAt, byte[] key) {
        return GatewayTokens.sign(GatewayTokens.claims(BusinessTime.CLOCK, issuer, audience, "booking-web-service", expiresAt)
                .build(), key);
    }

    /** The secret of the tests' gateway. */
    public static byte[] signingKey() {
        return GatewayTokens.signingKey();
    }

    /** A secret the service does not trust. */
    public static byte[] strangerKey() {
        return GatewayTokens.strangerKey();
    }
}
