package io.glasslink.supplychain.security;

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
        IdentityRotationChecks.check(AUDIENCE, (current, previous) -> {
            JwtDecoder decoder = new SecurityConfiguration().identityTokenDecoder(
                    new IdentityProperties(current, previous, GatewayTokens.ISSUER, AUDIENCE, "X-Glasslink-Identity"));
            return token -> decoder.decode(token).getAudience();
        }, BadJwtException.class, JwtValidationException.class);
    }
}
