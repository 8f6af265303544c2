package io.glasslink.planning.security;

import java.time.Duration;

import io.glasslink.testsupport.GatewayTokens;
import io.glasslink.testsupport.IdentityChecks;
import io.glasslink.testsupport.NamedDates.NamedDate;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The identity token's rules, judged by the service's clock whatever the date: exp required, at most 60 s (+5 s skew)
 * after iat, iat required and not in the future, nbf honoured, HS256 with this service's secret from the gateway for
 * this audience.
 */
class IdentityTokenRulesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void theDecoderRefusesEveryTokenTheContractRefusesAndAcceptsTheGatewaysOwn(NamedDate date) {
        TestClock clock = TestClock.startingAt(date.instant());
        JwtDecoder decoder = new IdentitySecurity().identityJwtDecoder(new IdentityProperties(GatewayTokens.secret(), null,
                GatewayTokens.ISSUER, "planning-service", "X-Glasslink-Identity", Duration.ofSeconds(60), Duration.ofSeconds(5)),
                clock);
        IdentityChecks.checkRefusals("planning-service", clock, decoder::decode);
    }
}
