package io.glasslink.booking.support;

import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;
import io.glasslink.testsupport.GatewayTokens;

/** Plays the gateway's identity minting for tests, with the test secret of {@link GatewayTokens} (never the dev secret). */
public final class TestIdentity {

    private TestIdentity() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return GatewayTokens.secret();
    }

    /** An identity token for a partner, as the gateway forwards it. */
    public static String partner(String partnerId) {
        return token(partnerId, "booking-web-service", GatewayTokens.ISSUER);
    }

    /** A token with arbitrary partner, audience and issuer. */
    public static String token(String partnerId, String audience, String issuer) {
        JWTClaimsSet.Builder claims = GatewayTokens.claims(issuer, audience,
                partnerId == null ? "internal-client" : partnerId, Instant.now().plusSeconds(60));
        if (partnerId != null) {
            claims.claim("partner_id", partnerId);
        }
        return GatewayTokens.sign(claims.build());
    }
}
