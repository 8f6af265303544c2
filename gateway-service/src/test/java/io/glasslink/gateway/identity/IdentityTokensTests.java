package io.glasslink.gateway.identity;

import java.time.Duration;

import com.nimbusds.jwt.SignedJWT;
import io.glasslink.gateway.access.Caller;
import io.glasslink.gateway.access.ClientKind;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity tokens: one per request by default, shared per caller and audience within a reuse window. */
class IdentityTokensTests {

    private static final Caller PARTNER = new Caller("partner-insurer-1", ClientKind.PARTNER, "partner-insurer-1");

    private static IdentityTokens tokens(Duration reuse) {
        return new IdentityTokens(new IdentityProperties(
                new ClassPathResource("keys/identity-dev-private.pem"), null, null, reuse));
    }

    @Test
    void everyRequestGetsItsOwnTokenByDefault() throws Exception {
        IdentityTokens tokens = tokens(null);
        String first = tokens.tokenFor(PARTNER, "booking-web-service");
        String second = tokens.tokenFor(PARTNER, "booking-web-service");
        assertThat(SignedJWT.parse(first).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(second).getJWTClaimsSet().getJWTID());
    }

    @Test
    void withinTheReuseWindowOneCallerAndAudienceShareATokenButAudiencesDoNot() {
        IdentityTokens tokens = tokens(Duration.ofSeconds(10));
        String first = tokens.tokenFor(PARTNER, "booking-web-service");
        assertThat(tokens.tokenFor(PARTNER, "booking-web-service")).isEqualTo(first);
        assertThat(tokens.tokenFor(PARTNER, "planning-service")).isNotEqualTo(first);
        assertThat(tokens.tokenFor(Caller.ANONYMOUS, "booking-web-service")).isNotEqualTo(first);
    }
}
