package io.glasslink.booking.config;

import io.glasslink.testsupport.IdentityRotationChecks;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** Rotating the identity secret: the previous secret is accepted until it is removed, nothing else is. */
class IdentityRotationTest {

    @Test
    void thePreviousSecretIsAcceptedDuringARotationOnly() {
        IdentityRotationChecks.check(SecurityConfiguration.AUDIENCE, (current, previous) -> {
            JwtDecoder decoder = new SecurityConfiguration().identityDecoder(current, previous);
            return token -> decoder.decode(token).getAudience();
        }, BadJwtException.class, JwtValidationException.class);
    }
}
