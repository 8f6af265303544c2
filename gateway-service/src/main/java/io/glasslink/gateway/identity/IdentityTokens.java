package io.glasslink.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import io.glasslink.gateway.access.Caller;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Mints the HS256 identity JWT of docs/contracts.md, one per request: {@code iss}, {@code aud} =
 * target service, {@code sub} = client id, {@code partner_id} for partners, {@code iat},
 * {@code exp}, {@code jti}, signed with the secret of that audience (ADR 0005). An HMAC costs
 * about a microsecond where an RSA or EC signature costs a millisecond of CPU on these cores.
 */
@Component
public class IdentityTokens {

    private static final JwsHeader HEADER = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();

    private final IdentityProperties properties;
    private final Clock clock;
    private final Map<String, JwtEncoder> encoders;

    public IdentityTokens(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.encoders = properties.secrets().keySet().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                audience -> NimbusJwtEncoder.withSecretKey(new SecretKeySpec(properties.secretOf(audience), "HmacSHA256"))
                        .algorithm(MacAlgorithm.HS256).build()));
    }

    /** A new token for {@code caller} calling {@code audience}. */
    public String tokenFor(Caller caller, String audience) {
        JwtEncoder encoder = encoders.get(audience);
        if (encoder == null) {
            properties.secretOf(audience); // throws the explanation
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(audience))
                .subject(caller.clientId())
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .id(UUID.randomUUID().toString());
        if (caller.partnerId() != null) {
            claims.claim("partner_id", caller.partnerId());
        }
        return encoder.encode(JwtEncoderParameters.from(HEADER, claims.build())).getTokenValue();
    }
}
