package io.glasslink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in for the gateway's signing key in tests: one RSA key pair per test JVM, its public
 * key written to a PEM file that a service under test is pointed at
 * ({@code glasslink...public-key-location}), and RS256 identity tokens shaped as in
 * docs/contracts.md, signed with it (or with a stranger's key, to prove refusal).
 */
public final class GatewayTokens {

    /** The issuer the gateway writes into every identity token. */
    public static final String ISSUER = "glasslink-gateway";

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private GatewayTokens() {
    }

    /** Spring resource location of the test public key. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** The private key that signs valid test tokens. */
    public static RSAPrivateKey privateKey() {
        return (RSAPrivateKey) KEYS.getPrivate();
    }

    /** A fresh key nobody trusts. */
    public static RSAPrivateKey strangerKey() {
        return (RSAPrivateKey) generate().getPrivate();
    }

    /** Claims as the gateway writes them: issuer, audience, subject, iat, exp and jti. */
    public static JWTClaimsSet.Builder claims(String issuer, String audience, String subject, Instant expiresAt) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(subject)
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
    }

    /** The compact RS256 form of {@code claims} signed with {@code key}. */
    public static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("glasslink-test-identity-", ".pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
