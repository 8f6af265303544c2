package io.glasslink.gateway.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.access.ClientKind;
import io.glasslink.testsupport.IdentityChecks;
import io.glasslink.testsupport.NamedDates.NamedDate;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity tokens: HS256, one per request, each audience signed with its own secret, living 60 s by the gateway's clock. */
class IdentityTokensTests {

    private static final Caller PARTNER = new Caller("partner-insurer-1", ClientKind.PARTNER, "partner-insurer-1");
    private static final byte[] BOOKING = secret();
    private static final byte[] PLANNING = secret();

    private final TestClock clock = TestClock.atSuiteStart();
    private final IdentityTokens tokens = new IdentityTokens(new IdentityProperties(Map.of(
            "booking-web-service", Base64.getEncoder().encodeToString(BOOKING),
            "planning-service", Base64.getEncoder().encodeToString(PLANNING)), null, Duration.ofSeconds(60)), clock);

    @Test
    void aTokenCarriesTheContractClaimsAndVerifiesWithTheAudiencesSecretOnly() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.tokenFor(PARTNER, "booking-web-service"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(new MACVerifier(BOOKING))).isTrue();
        assertThat(jwt.verify(new MACVerifier(PLANNING))).isFalse();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("glasslink-gateway");
        assertThat(claims.getAudience()).containsExactly("booking-web-service");
        assertThat(claims.getSubject()).isEqualTo("partner-insurer-1");
        assertThat(claims.getStringClaim("partner_id")).isEqualTo("partner-insurer-1");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(claims.getIssueTime().toInstant()).isBetween(clock.instant().minusSeconds(2), clock.instant());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void aTokenIsIssuedAtTheClocksNowAndExpiresSixtySecondsLaterWhateverTheDate(NamedDate date) throws Exception {
        clock.set(date.instant());
        Instant before = clock.instant();
        JWTClaimsSet claims = SignedJWT.parse(tokens.tokenFor(PARTNER, "planning-service")).getJWTClaimsSet();
        Instant issued = claims.getIssueTime().toInstant();
        // JWT times are whole seconds: iat is the clock's second, exp exactly 60 s later, within the services' limit
        assertThat(issued).isBetween(before.minusSeconds(1), clock.instant());
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(issued.plus(Duration.ofSeconds(60)));
        assertThat(Duration.between(issued, claims.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(60).plus(IdentityChecks.SKEW));
        assertThat(claims.getNotBeforeTime()).as("nbf, when present, is not after iat")
                .satisfiesAnyOf(nbf -> assertThat(nbf).isNull(), nbf -> assertThat(nbf.toInstant()).isBeforeOrEqualTo(issued));
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
