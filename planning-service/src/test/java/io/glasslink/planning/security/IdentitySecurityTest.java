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

    private static void assertUnauthorized(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("status", 401).containsKeys("type", "title", "detail", "instance");
    }

    @Test
    void aCallWithoutIdentityIsUnauthorizedWithAProblemDetail() {
        assertUnauthorized(call(null));
    }

    @Test
    void tokensForAnotherAudienceFromAnotherIssuerExpiredOrSignedByAStrangerAreRefused() {
        Instant in60s = CLOCK.instant().plusSeconds(60);
        assertUnauthorized(call(TestIdentity.token("glasslink-gateway", "supply-chain-service", in60s, TestIdentity.signingKey())));
        assertUnauthorized(call(TestIdentity.token("someone-else", "planning-service", in60s, TestIdentity.signingKey())));
        assertUnauthorized(call(TestIdentity.token("glasslink-gateway", "planning-service", CLOCK.instant().minusSeconds(300),
                TestIdentity.signingKey())));
        assertUnauthorized(call(TestIdentity.token("glasslink-gateway", "planning-service", in60s, TestIdentity.strangerKey())));
        assertUnauthorized(call("not-a-jwt"));
    }

    @Test
    void aValidGatewayTokenGetsThrough() {
        assertThat(call(TestIdentity.token()).getStatusCode().value()).isEqualTo(404);
    }
}
