package io.glasslink.booking.support;

import java.time.Clock;

import com.nimbusds.jwt.JWTClaimsSet;
import io.glasslink.testsupport.GatewayTokens;

/**
 * Plays the gateway's identity minting for tests, with the test secret of {@link GatewayTokens} (never the dev
 * secret), issuing tokens at the business clock of the integration tests unless told otherwise.
 */
public final class TestIdentity {

    private TestIdentity() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return GatewayTokens.secret();
    }

    /** An identity token for a partner, as the gateway forwards it, issued by {@link IntegrationTest#CLOCK}. */
    public static String partner(String partnerId) {
        return partner(partnerId, IntegrationTest.CLOCK);
    }

    /** An identity token for a partner, issued now by {@code clock}. */
    public static String partner(String partnerId, Clock clock) {
        return token(partnerId, "booking-web-service", GatewayTokens.ISSUER, clock);
    }

    /** A token with arbitrary partner, audience and issuer, issued by {@link IntegrationTest#CLOCK}. */
    public static String token(String partnerId, String audience, String issuer) {
        return token(partnerId, audience, issuer, IntegrationTest.CLOCK);
    }

    private static String token(String partnerId, String audience, String issuer, Clock clock) {
        JWTClaimsSet.Builder claims = GatewayTokens.claims(clock, issuer, audience,
                partnerId == null ? "internal-client" : partnerId, clock.instant().plus(GatewayTokens.LIFETIME));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        return GatewayTokens.sign(claims.build());
    }
}
