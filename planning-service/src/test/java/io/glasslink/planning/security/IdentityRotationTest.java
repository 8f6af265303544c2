package io.glasslink.planning.security;

import java.time.Duration;

import io.glasslink.testsupport.GatewayTokens;
import io.glasslink.testsupport.IdentityRotationChecks;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Rotating the identity secret: the previous secret is accepted until it is removed, nothing else is. */
class IdentityRotationTest {

    @Test
    void thePreviousSecretIsAcceptedDuringARotationOnly() {
        TestClock clock = TestClock.atSuiteStart();
        IdentityRotationChecks.check("planning-service", clock, (current, previous) -> {
            JwtDecoder decoder = new IdentitySecurity().identityJwtDecoder(
                    new IdentityProperties(current, previous, GatewayTokens.ISSUER, "planning-service", "X-Glasslink-Identity",
                            Duration.ofSeconds(60), Duration.ofSeconds(5)), clock);
            return token -> decoder.decode(token).getAudience();
        }, BadJwtException.class, JwtValidationException.class);
    }
}
