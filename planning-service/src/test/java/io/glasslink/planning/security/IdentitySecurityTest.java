package io.glasslink.planning.security;

import java.time.Instant;
import java.util.Map;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class IdentitySecurityTest extends PlanningIntegrationTest {

    private ResponseEntity<Map<String, Object>> call(String token) {
        RestClient.RequestHeadersSpec<?> spec = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .get().uri("/api/v1/appointments/{id}", java.util.UUID.randomUUID());
        if (token != null) {
            spec = spec.header("X-Glasslink-Identity", token);
        }
        return spec.retrieve().toEntity(MAP);
    }

    private void assertUnauthorized(String token) {
        RestClient.RequestHeadersSpec<?> spec = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build()
                .get().uri("/api/v1/appointments/{id}", java.util.UUID.randomUUID());
        if (token != null) {
            spec = spec.header("X-Glasslink-Identity", token);
        }
        ResponseEntity<String> r = spec.retrieve().toEntity(String.class);
        assertThat(problem(r, 401).get("type").asString()).isEqualTo("https://glasslink.io/problems/unauthenticated");
    }

    @Test
    void aCallWithoutIdentityIsUnauthorizedWithAProblemDetail() {
        assertUnauthorized(null);
    }

    @Test
    void tokensForAnotherAudienceFromAnotherIssuerExpiredOrSignedByAStrangerAreRefused() {
        Instant in60s = CLOCK.instant().plusSeconds(60);
        assertUnauthorized(TestIdentity.token("glasslink-gateway", "supply-chain-service", in60s, TestIdentity.signingKey()));
        assertUnauthorized(TestIdentity.token("someone-else", "planning-service", in60s, TestIdentity.signingKey()));
        assertUnauthorized(TestIdentity.token("glasslink-gateway", "planning-service", CLOCK.instant().minusSeconds(300),
                TestIdentity.signingKey()));
        assertUnauthorized(TestIdentity.token("glasslink-gateway", "planning-service", in60s, TestIdentity.strangerKey()));
        assertUnauthorized("not-a-jwt");
    }

    @Test
    void aTokenWithoutExpiryOrLivingLongerThanAMinuteIsRefused() {
        assertUnauthorized(TestIdentity.token("glasslink-gateway", "planning-service", CLOCK.instant().plusSeconds(3600),
                TestIdentity.signingKey()));
        assertUnauthorized(io.glasslink.testsupport.GatewayTokens.sign(io.glasslink.testsupport.GatewayTokens.claims(CLOCK,
                "glasslink-gateway", "planning-service", "booking-web-service", CLOCK.instant()).expirationTime(null).build()));
    }

    @Test
    void aValidGatewayTokenGetsThrough() {
        assertThat(call(TestIdentity.token()).getStatusCode().value()).isEqualTo(404);
    }
}
