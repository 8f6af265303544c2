package io.glasslink.testsupport;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in for the gateway's identity-token key in tests: one random 256-bit HMAC secret per
 * test JVM, which a service under test is given ({@code glasslink.identity.secret}, base64), and
 * HS256 identity tokens shaped as in docs/contracts.md, signed with it (or with a stranger's
 * secret, to prove refusal). Never the dev secrets of the application.yml files.
 */
public final class GatewayTokens {

    /** The issuer the gateway writes into every identity token. */
    public static final String ISSUER = "glasslink-gateway";

    /** How long the gateway's identity tokens live (docs/contracts.md). */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SECRET = newSecret();

    private GatewayTokens() {
    }

    /** The test secret, base64, for {@code glasslink.identity.secret}. */
    public static String secret() {
        return Base64.getEncoder().encodeToString(SECRET);
    }

    /** The secret that signs valid test tokens. */
    public static byte[] signingKey() {
        return SECRET.clone();
    }

    /** A fresh secret nobody trusts. */
    public static byte[] strangerKey() {
        return newSecret();
    }

    /** Claims as the gateway writes them: issuer, audience, subject, iat, exp and jti (iat from the system clock). */
    public static JWTClaimsSet.Builder claims(String issuer, String audience, String subject, Instant expiresAt) {
        return claims(Clock.systemUTC(), issuer, audience, subject, expiresAt);
    }

    /** Claims as the gateway writes them, issued at {@code clock}'s now: a service under a pinned test clock judges them by it. */
    public static JWTClaimsSet.Builder claims(Clock clock, String issuer, String audience, String subject, Instant expiresAt) {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(subject)
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A valid identity token for {@code audience}, issued now by {@code clock}, living 60 s as the gateway's do. */
    public static String token(Clock clock, String audience, String subject) {
        return sign(claims(clock, ISSUER, audience, subject, clock.instant().plus(LIFETIME)).build());
    }

    /** The compact HS256 form of {@code claims} signed with the test secret. */
    public static String sign(JWTClaimsSet claims) {
        return sign(claims, SECRET);
    }

    /** The compact HS256 form of {@code claims} signed with {@code key}. */
    public static String sign(JWTClaimsSet claims, byte[] key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
