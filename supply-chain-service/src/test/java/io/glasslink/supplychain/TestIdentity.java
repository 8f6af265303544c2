package io.glasslink.supplychain;

import java.time.Clock;
import java.time.Duration;

import io.glasslink.testsupport.GatewayTokens;

/**
 * The gateway's identity tokens as supply-chain's tests need them (secret from {@link GatewayTokens}),
 * issued by the clock the service judges them by.
 */
public final class TestIdentity {

    public static final String AUDIENCE = "supply-chain-service";

    private TestIdentity() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return GatewayTokens.secret();
    }

    /** A valid token issued now by {@code clock}, living 60 s, as the gateway mints them. */
    public static String token(Clock clock) {
        return GatewayTokens.token(clock, AUDIENCE, "booking-web-service");
    }

    /** A token issued now by {@code clock}, expiring {@code ttl} later (negative: already expired). */
    public static String token(Clock clock, Duration ttl) {
        return token(clock, GatewayTokens.ISSUER, AUDIENCE, ttl);
    }

    /** A token with the given issuer and audience, signed with the gateway's secret. */
    public static String token(Clock clock, String issuer, String audience, Duration ttl) {
        return GatewayTokens.sign(GatewayTokens.claims(clock, issuer, audience, "booking-web-service",
                clock.instant().plus(ttl)).build());
    }

    /** A well-formed token signed with some other secret. */
    public static String tokenSignedByStranger(Clock clock) {
        return GatewayTokens.sign(GatewayTokens.claims(clock, GatewayTokens.ISSUER, AUDIENCE, "booking-web-service",
                clock.instant().plusSeconds(60)).build(), GatewayTokens.strangerKey());
    }
}
