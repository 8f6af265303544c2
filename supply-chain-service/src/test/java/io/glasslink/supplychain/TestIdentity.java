package io.glasslink.supplychain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
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
 * A test stand-in for the gateway: its own RSA key pair (generated once per JVM, public key
 * written to a temp PEM file the service is pointed at) and identity tokens signed with it.
 */
public final class TestIdentity {

    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestIdentity() {
    }

    /** Spring resource location of the test public key. */
    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** A valid token for the supply-chain service, living {@code ttl}. */
    public static String token(Duration ttl) {
        return token("glasslink-gateway", "supply-chain-service", ttl, (RSAPrivateKey) KEYS.getPrivate());
    }

    /** A valid token living one minute, as the gateway mints them. */
    public static String token() {
        return token(Duration.ofMinutes(1));
    }

    /** A token with the given issuer and audience, signed with the gateway's key. */
    public static String token(String issuer, String audience, Duration ttl) {
        return token(issuer, audience, ttl, (RSAPrivateKey) KEYS.getPrivate());
    }

    /** A well-formed token signed with some other key. */
    public static String tokenSignedByStranger() {
        return token("glasslink-gateway", "supply-chain-service", Duration.ofMinutes(1),
                (RSAPrivateKey) generate().getPrivate());
    }

    private static String token(String issuer, String audience, Duration ttl, RSAPrivateKey key) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("booking-web-service")
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
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
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
