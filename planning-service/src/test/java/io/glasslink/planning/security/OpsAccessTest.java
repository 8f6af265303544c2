package io.glasslink.planning.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.TestIdentity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health answers its status to anyone and its details only to the ops credentials; the ops console's endpoints (loggers,
 * env, thread dump, metrics) need them.
 */
class OpsAccessTest extends PlanningIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseEntity<String> get(String path, String authorization) {
        RestClient.RequestHeadersSpec<?> spec = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build().get().uri(path);
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.retrieve().toEntity(String.class);
    }

    private static final String OPS = basic("ops", "dev-ops-password");

    private ResponseEntity<String> post(String path, String json, String authorization) {
        RestClient.RequestBodySpec spec = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build().post().uri(path)
                .header("Content-Type", "application/json");
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.body(json).retrieve().toEntity(String.class);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anonymousCallersGetTheStatusOnly() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ResponseEntity<String> r = get(path, null);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
            JsonNode health = JSON.readTree(r.getBody());
            assertThat(health.get("status").asString()).isEqualTo("UP");
            // the root also names its probe groups (liveness, readiness): no component, no detail
            assertThat(health.propertyNames()).as(r.getBody()).isSubsetOf("status", "groups");
        }
        assertThat(get("/actuator/health", null).getBody()).doesNotContain("PostgreSQL", "diskSpace", "path");
    }

    @Test
    void theOpsCredentialsSeeTheComponentsAndTheirDetails() {
        ResponseEntity<String> r = get("/actuator/health", basic("ops", "dev-ops-password"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode health = JSON.readTree(r.getBody());
        assertThat(health.get("components").get("db").get("details").get("database").asString()).isEqualTo("PostgreSQL");
        assertThat(get("/actuator/metrics", basic("ops", "dev-ops-password")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void noOrWrongCredentialsGetNoDetailsAndNoOtherEndpoint() {
        ResponseEntity<String> wrong = get("/actuator/health", basic("ops", "guess"));
        problem(wrong, 401);
        assertThat(wrong.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        problem(get("/actuator/metrics", null), 401);
        problem(get("/actuator/env", basic("ops", "guess")), 401);
        ResponseEntity<String> withToken = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { }).build().get().uri("/actuator/health")
                .header("X-Glasslink-Identity", TestIdentity.token()).retrieve().toEntity(String.class);
        assertThat(JSON.readTree(withToken.getBody()).propertyNames()).isSubsetOf("status", "groups");
    }

    @Test
    void theOpsCredentialsChangeALoggerLevelLiveAndNobodyElseCan() {
        String logger = "/actuator/loggers/io.glasslink.planning.appointments.HoldExpiryJob";
        org.slf4j.Logger job = org.slf4j.LoggerFactory.getLogger("io.glasslink.planning.appointments.HoldExpiryJob");
        try {
            problem(post(logger, "{\"configuredLevel\":\"DEBUG\"}", null), 401);
            problem(post(logger, "{\"configuredLevel\":\"DEBUG\"}", basic("ops", "guess")), 401);
            problem(post(logger, "{\"configuredLevel\":\"DEBUG\"}", "Bearer " + TestIdentity.token()), 401);
            assertThat(job.isDebugEnabled()).as("refused: unchanged").isFalse();

            assertThat(post(logger, "{\"configuredLevel\":\"DEBUG\"}", OPS).getStatusCode().value()).isEqualTo(204);
            assertThat(job.isDebugEnabled()).isTrue();
            assertThat(JSON.readTree(get(logger, OPS).getBody()).get("configuredLevel").asString()).isEqualTo("DEBUG");
        } finally {
            post(logger, "{\"configuredLevel\":null}", OPS);
        }
        assertThat(job.isDebugEnabled()).isFalse();
    }

    @Test
    void theConsoleEndpointsAnswerTheOpsCredentialsOnly() {
        for (String endpoint : new String[] {"/actuator/env", "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics"}) {
            problem(get(endpoint, null), 401);
            assertThat(get(endpoint, OPS).getStatusCode().value()).as(endpoint).isEqualTo(200);
        }
        JsonNode env = JSON.readTree(get("/actuator/env/spring.application.name", OPS).getBody());
        assertThat(env.get("property").get("value").asString()).as("values shown to ops").isEqualTo("planning-service");
    }

    @Test
    void prometheusAndInfoStayOpen() {
        assertThat(get("/actuator/prometheus", null).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/actuator/info", null).getStatusCode().value()).isEqualTo(200);
    }
}
