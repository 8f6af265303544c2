package io.glasslink.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * The identity-token refusals every service that checks the gateway's token must make
 * (docs/contracts.md "Identity"), run against that service's own decoder: a token must be HS256,
 * signed with the service's secret, from the gateway, for this audience, carry {@code exp}, live
 * at most 60 s (plus the stated skew) and not be used before its {@code nbf}; a token shaped as the
 * gateway mints it is accepted.
 */
public final class IdentityChecks {

    /** The clock skew every service allows on {@code exp}, {@code iat} and {@code nbf}. */
    public static final Duration SKEW = Duration.ofSeconds(5);

    private IdentityChecks() {
    }

    /**
     * @param audience the service's audience
     * @param clock    the service's clock (a test's pinned clock, or the system's)
     * @param decoder  the service's decoder, built with {@link GatewayTokens#secret()}: returns
     *                 normally when it accepts a token, throws when it refuses it
     */
    public static void checkRefusals(String audience, Clock clock, Function<String, ?> decoder) {
        Instant now = clock.instant();
        accepted(decoder, GatewayTokens.token(clock, audience, "booking-web-service"), "a token as the gateway mints it");
        accepted(decoder, sign(base(clock, audience).issueTime(Date.from(now.minus(SKEW).plusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(60))).build()), "a token issued just inside the skew");

        refused(decoder, sign(base(clock, audience).expirationTime(null).build()), "a token without exp");
        refused(decoder, sign(base(clock, audience).expirationTime(Date.from(now.plus(Duration.ofDays(3650)))).build()),
                "a token with exp ten years ahead");
        refused(decoder, sign(base(clock, audience).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build()),
                "a token living 10 minutes");
        refused(decoder, sign(base(clock, audience).issueTime(null).expirationTime(Date.from(now.plusSeconds(30))).build()),
                "a token without iat");
        refused(decoder, sign(base(clock, audience).issueTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(6)))).build()), "a token issued in the future");
        refused(decoder, sign(base(clock, audience).notBeforeTime(Date.from(now.plus(Duration.ofMinutes(1)))).build()),
                "a token with nbf a minute ahead");
        refused(decoder, sign(base(clock, audience).issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.minusSeconds(60))).build()), "an expired token");
        refused(decoder, sign(base(clock, audience).issuer("someone-else").build()), "another issuer");
        refused(decoder, sign(base(clock, audience).audience("another-service").build()), "another audience");
        refused(decoder, sign(base(clock, audience).build(), GatewayTokens.strangerKey()), "a stranger's secret");
        refused(decoder, new PlainJWT(new PlainHeader(), base(clock, audience).build()).serialize(), "an unsigned token (alg none)");
        refused(decoder, hs512(base(clock, audience).build()), "an HS512 token");
        String valid = GatewayTokens.token(clock, audience, "booking-web-service");
        refused(decoder, tamper(valid), "a token whose claims were changed after signing");
    }

    private static JWTClaimsSet.Builder base(Clock clock, String audience) {
        return GatewayTokens.claims(clock, GatewayTokens.ISSUER, audience, "booking-web-service",
                clock.instant().plus(GatewayTokens.LIFETIME));
    }

    private static String sign(JWTClaimsSet claims) {
        return GatewayTokens.sign(claims);
    }

    private static String sign(JWTClaimsSet claims, byte[] key) {
        return GatewayTokens.sign(claims, key);
    }

    private static String hs512(JWTClaimsSet claims) {
        byte[] key = new byte[64];
        System.arraycopy(GatewayTokens.signingKey(), 0, key, 0, 32);
        System.arraycopy(GatewayTokens.signingKey(), 0, key, 32, 32);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String changed = claims.replace("\"sub\":\"booking-web-service\"", "\"sub\":\"partner-admin\"");
        if (changed.equals(claims)) {
            throw new IllegalStateException("could not tamper with " + claims);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[2];
    }

    private static void accepted(Function<String, ?> decoder, String token, String what) {
        try {
            decoder.apply(token);
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": refused (" + e + ")", e);
        }
    }

    private static void refused(Function<String, ?> decoder, String token, String what) {
        try {
            decoder.apply(token);
        } catch (RuntimeException expected) {
            return;
        }
        throw new AssertionError(what + ": accepted");
    }
}
