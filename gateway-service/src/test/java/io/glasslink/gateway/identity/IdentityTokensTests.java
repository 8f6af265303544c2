package io.glasslink.gateway.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.access.ClientKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity tokens: HS256, one per request, each audience signed with its own secret. */
class IdentityTokensTests {

    private static final Caller PARTNER = new Caller("partner-insurer-1", ClientKind.PARTNER, "partner-insurer-1");
    private static final byte[] BOOKING = secret();
    private static final byte[] PLANNING = secret();

    private final IdentityTokens tokens = new IdentityTokens(new IdentityProperties(Map.of(
            "booking-web-service", Base64.getEncoder().encodeToString(BOOKING),
            "planning-service", Base64.getEncoder().encodeToString(PLANNING)), null, Duration.ofSeconds(60)));

    @Test
    void aTokenCarriesTheContractClaimsAndVerifiesWithTheAudiencesSecretOnly() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.tokenFor(PARTNER, "booking-web-service"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(BOOKING))).isTrue();
        assertThat(jwt.verify(new MACVerifier(PLANNING))).isFalse();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("glasslink-gateway");
        assertThat(claims.getAudience()).containsExactly("booking-web-service");
        assertThat(claims.getSubject()).isEqualTo("partner-insurer-1");
        assertThat(claims.getStringClaim("partner_id")).isEqualTo("partner-insurer-1");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
    }

    @Test
    void everyRequestGetsItsOwnToken() throws Exception {
        String first = tokens.tokenFor(PARTNER, "planning-service");
        String second = tokens.tokenFor(PARTNER, "planning-service");
        assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
        assertThat(SignedJWT.parse(second).verify(new MACVerifier(PLANNING))).isTrue();
    }

    @Test
    void anAudienceWithoutASecretIsRefusedAndShortSecretsDoNotStart() {
        assertThatThrownBy(() -> tokens.tokenFor(PARTNER, "supply-chain-service"))
                .hasMessageContaining("glasslink.gateway.identity.secrets.supply-chain-service");
        assertThatThrownBy(() -> new IdentityProperties(Map.of("planning-service",
                Base64.getEncoder().encodeToString(new byte[16])), null, null))
                .hasMessageContaining("at least 256 bits");
    }

    private static byte[] secret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
