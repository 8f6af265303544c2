package io.glasslink.booking.security;

import java.time.Clock;
import java.time.Duration;

import io.glasslink.testsupport.IdentityRotationChecks;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Rotating the identity secret: the previous secret is accepted until it is removed, nothing else is. */
class IdentityRotationTest {

    @Test
    void thePreviousSecretIsAcceptedDuringARotationOnly() {
        // IdentityRotationChecks signs its tokens by the machine's clock
        IdentityRotationChecks.check("booking-web-service", (current, previous) -> {
            JwtDecoder decoder = IdentitySecurity.decoder(properties(current, previous), Clock.systemUTC());
            return token -> decoder.decode(token).getAudience();
        }, BadJwtException.class, JwtValidationException.class);
    }

    static IdentityProperties properties(String current, String previous) {
        return new IdentityProperties(current, previous, "glasslink-gateway", "booking-web-service",
                "X-Glasslink-Identity", Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
