package io.glasslink.gateway.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.glasslink.gateway.access.Caller;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.stereotype.Component;

/**
 * Mints the RS256 identity JWT of docs/contracts.md: {@code iss}, {@code aud} = target service,
 * {@code sub} = client id, {@code partner_id} for partners, {@code iat}, {@code exp}, {@code jti}.
 * With a reuse window a token is shared by the requests of one caller to one audience for that
 * long (an RSA signature costs about a millisecond of CPU).
 */
@Component
public class IdentityTokens {

    private final JWSSigner signer;
    private final IdentityProperties properties;
    private final Clock clock;
    private final ConcurrentMap<Key, Minted> recent = new ConcurrentHashMap<>();

    public IdentityTokens(IdentityProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.signer = new ThreadLocalRs256Signer(privateKey(properties));
    }

    /**
     * RS256 with one initialised {@link Signature} per thread: nimbus' {@code RSASSASigner} looks
     * up and initialises a new {@code Signature} (provider lookup, key translation) for every
     * token, on top of the RSA operation itself.
     */
    private static final class ThreadLocalRs256Signer implements JWSSigner {

        private final ThreadLocal<Signature> signatures;
        private final JCAContext context = new JCAContext();

        ThreadLocalRs256Signer(RSAPrivateKey key) {
            this.signatures = ThreadLocal.withInitial(() -> {
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    signature.initSign(key);
                    return signature;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot initialise RS256 signing", e);
                }
            });
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
                throw new JOSEException("Only RS256 is supported, not " + header.getAlgorithm());
            }
            Signature signature = signatures.get();
            try { // sign() resets the Signature to its initialised state for the next token
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                signatures.remove();
                throw new JOSEException("RS256 signing failed", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.RS256);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }

    private record Key(String clientId, String partnerId, String audience) {
    }

    private record Minted(String token, Instant issuedAt) {
    }

    /** A token for {@code caller} calling {@code audience}. */
    public String tokenFor(Caller caller, String audience) {
        Instant now = clock.instant();
        if (properties.reuse().isZero()) {
            return mint(caller, audience, now);
        }
        Key key = new Key(caller.clientId(), caller.partnerId(), audience);
        Minted minted = recent.get(key);
        if (minted == null || !now.isBefore(minted.issuedAt().plus(properties.reuse()))) {
            minted = new Minted(mint(caller, audience, now), now);
            recent.put(key, minted);
        }
        return minted.token();
    }

    private String mint(Caller caller, String audience, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(audience)
                .subject(caller.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .jwtID(fastRandomUuid());
        if (caller.partnerId() != null) {
            claims.claim("partner_id", caller.partnerId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign identity token", e);
        }
        return jwt.serialize();
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} reads the
     * shared, locked {@code SecureRandom} on every call. Ids that only need to be unique (the
     * token's {@code jti} is covered by the signature, correlation ids are not secrets) need not
     * be unpredictable.
     */
    public static String fastRandomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static RSAPrivateKey privateKey(IdentityProperties properties) {
        try (InputStream in = properties.privateKeyLocation().getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read identity private key " + properties.privateKeyLocation(), e);
        }
    }
}
