package io.glasslink.supplychain.security;

import java.time.Clock;
import java.time.Duration;

import io.glasslink.testsupport.GatewayTokens;
import io.glasslink.testsupport.IdentityRotationChecks;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Rotating the identity secret: the previous secret is accepted until it is removed, nothing else is. */
class IdentityRotationTest {

    private static final String AUDIENCE = "supply-chain-service";

    @Test
    void thePreviousSecretIsAcceptedDuringARotationOnly() {
        // the shared check mints its tokens with the machine's clock, so the decoder judges them by it
        IdentityRotationChecks.check(AUDIENCE, (current, previous) -> {
            JwtDecoder decoder = new IdentitySecurity().identityTokenDecoder(new IdentityProperties(current, previous,
                    GatewayTokens.ISSUER, AUDIENCE, "X-Glasslink-Identity", Duration.ofSeconds(60), Duration.ofSeconds(5)),
                    Clock.systemUTC());
            return token -> decoder.decode(token).getAudience();
        }, BadJwtException.class, JwtValidationException.class);
    }
}
