package io.glasslink.gateway.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
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
        this.signer = new RSASSASigner(privateKey(properties));
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
                .jwtID(UUID.randomUUID().toString());
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

    private static RSAPrivateKey privateKey(IdentityProperties properties) {
        try (InputStream in = properties.privateKeyLocation().getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read identity private key " + properties.privateKeyLocation(), e);
        }
    }
}
