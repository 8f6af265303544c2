package io.glasslink.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/** The tests' own gateway: a key pair generated per JVM and identity tokens signed with it. */
public final class TestIdentity {

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestIdentity() {
    }

    /** {@code file:} location of the public key, for {@code glasslink.identity.public-key-location}. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** A valid token for planning-service. */
    public static String token() {
        return token("glasslink-gateway", "planning-service", Instant.now().plusSeconds(60), (RSAPrivateKey) KEYS.getPrivate());
    }

    /** A token with the given issuer, audience and expiry, signed with {@code key}. */
    public static String token(String issuer, String audience, Instant expiresAt, RSAPrivateKey key) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("booking-web-service")
                    .issueTime(Date.from(expiresAt.minusSeconds(60))).expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString()).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key of the tests' gateway. */
    public static RSAPrivateKey privateKey() {
        return (RSAPrivateKey) KEYS.getPrivate();
    }

    /** A private key the service does not trust. */
    public static RSAPrivateKey strangerKey() {
        return (RSAPrivateKey) generate().getPrivate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("planning-identity-", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
