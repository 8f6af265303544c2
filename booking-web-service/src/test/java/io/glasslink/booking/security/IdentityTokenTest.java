package io.glasslink.booking.security;

import io.glasslink.testsupport.GatewayTokens;
import io.glasslink.testsupport.IdentityChecks;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The identity token's refusals (docs/contracts.md "Identity"): no exp, a far exp, a lifetime over 60 s, no iat,
 * iat or nbf in the future, expired, another issuer or audience, a stranger's key, alg none, HS512, tampered claims —
 * all judged by the service's clock, wherever it stands.
 */
class IdentityTokenTest {

    @Test
    void theDecoderRefusesEveryTokenTheGatewayWouldNotMintJudgedByTheServicesClock() {
        TestClock clock = TestClock.atSuiteStart();
        JwtDecoder decoder = IdentitySecurity.decoder(
                IdentityRotationTest.properties(GatewayTokens.secret(), null), clock);
        IdentityChecks.checkRefusals("booking-web-service", clock, decoder::decode);
    }

    @Test
    void onAnotherDateTheSameRulesHoldByThatDatesClock() {
        TestClock clock = TestClock.startingAt(NamedDates.DST_AUTUMN.instant());
        JwtDecoder decoder = IdentitySecurity.decoder(
                IdentityRotationTest.properties(GatewayTokens.secret(), null), clock);
        IdentityChecks.checkRefusals("booking-web-service", clock, decoder::decode);
    }
}
