package io.glasslink.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jwt.JWTClaimsSet;
import io.glasslink.gateway.access.Caller;
import org.springframework.stereotype.Component;

/**
 * Mints the HS256 identity JWT of docs/contracts.md, one per request: {@code iss}, {@code aud} =
 * target service, {@code sub} = client id, {@code partner_id} for partners, {@code iat},
 * {@code exp}, {@code jti}, signed with the secret of that audience (ADR 0005). An HMAC costs
 * about a microsecond where an RSA or EC signature costs a millisecond of CPU on these cores.
 */
@Component
public class IdentityTokens {

    /** {@code {"alg":"HS256","typ":"JWT"}}, base64url: the header never changes. */
    private static final String HEADER = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final IdentityProperties properties;
    private final Clock clock;
    private final Map<String, ThreadLocal<Mac>> macs;

    public IdentityTokens(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.macs = properties.secrets().keySet().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                audience -> threadLocalMac(properties.secretOf(audience))));
    }

    /** A new token for {@code caller} calling {@code audience}. */
    public String tokenFor(Caller caller, String audience) {
        ThreadLocal<Mac> mac = macs.get(audience);
        if (mac == null) {
            properties.secretOf(audience); // throws the explanation
        }
        Instant now = clock.instant();
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
        String signingInput = HEADER + "." + base64Url(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = mac.get().doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(signature);
    }

    private static ThreadLocal<Mac> threadLocalMac(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        return ThreadLocal.withInitial(() -> {
            try { // doFinal() resets the Mac for the next token
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot initialise HS256 signing", e);
            }
        });
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
}
