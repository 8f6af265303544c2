package io.glasslink.gateway.security;

import java.util.ArrayList;
import java.util.List;

import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.glasslink.gateway.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator on the public port: health's status and info for anyone, health's details and everything else
 * (Prometheus, metrics, loggers, env, thread dump, circuit breakers) only for the ops credentials (the ops API key, or HTTP Basic as {@code OPS_USERNAME}/{@code OPS_PASSWORD},
 * dev defaults {@code ops}/{@code dev-ops-password}).
 */
class OpsAccessTests extends GatewayTestSupport {

    private static final String OPS_KEY = "dev-ops-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void anAnonymousCallerGetsTheStatusAndNothingElse(String path) {
        JsonNode health = json(gateway().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(fieldNames(health)).isSubsetOf("status", "groups");
        if (path.equals("/actuator/health")) {
            assertThat(health.get("groups").toString()).contains("liveness", "readiness");
        }
    }

    @Test
    void theOpsApiKeySeesTheComponentsAndTheirDetails() {
        JsonNode health = json(gateway().get().uri("/actuator/health").header("X-API-Key", OPS_KEY).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.path("components").path("diskSpace").path("details").has("free")).isTrue();
    }

    @Test
    void theOpsUserOverHttpBasicSeesTheComponentsAndTheMetrics() {
        JsonNode health = json(gateway().get().uri("/actuator/health").headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(health.path("components").path("diskSpace").path("details").has("free")).isTrue();
        gateway().get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("ops", "dev-ops-password")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aWrongOpsPasswordIsUnauthorizedEvenOnHealth() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus"}) {
            expectProblem(gateway().get().uri(path).headers(h -> h.setBasicAuth("ops", "guess")).exchange()
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=.*"), 401, "unauthenticated");
        }
    }

    @Test
    void anotherClientsKeyIsForbiddenOnTheActuator() {
        expectProblem(gateway().get().uri("/actuator/health").header("X-API-Key", PARTNER_1_KEY).exchange(), 403, "forbidden");
        expectProblem(gateway().get().uri("/actuator/prometheus").header("X-API-Key", PARTNER_1_KEY).exchange(), 403, "forbidden");
    }

    @Test
    void theActuatorBeyondHealthNeedsTheOpsCredentials() {
        expectProblem(gateway().get().uri("/actuator/prometheus").exchange()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE), 401, "unauthenticated");
        expectProblem(gateway().get().uri("/actuator/circuitbreakers").header("X-API-Key", "wrong-key").exchange(),
                401, "unauthenticated");
        gateway().get().uri("/actuator/info").header("X-API-Key", OPS_KEY).exchange().expectStatus().isOk();
    }

    @Test
    void opsChangeALoggersLevelLiveAndNobodyElseMay() {
        String logger = "/actuator/loggers/io.glasslink.gateway.link";
        String debug = "{\"configuredLevel\":\"DEBUG\"}";
        expectProblem(gateway().post().uri(logger).contentType(MediaType.APPLICATION_JSON).bodyValue(debug).exchange(),
                401, "unauthenticated");
        expectProblem(gateway().post().uri(logger).header("X-API-Key", PARTNER_1_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(debug).exchange(), 403, "forbidden");
        assertThat(LoggerFactory.getLogger("io.glasslink.gateway.link").isDebugEnabled()).isFalse();
        try {
            gateway().post().uri(logger).headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(debug).exchange().expectStatus().isNoContent();
            assertThat(LoggerFactory.getLogger("io.glasslink.gateway.link").isDebugEnabled()).isTrue();
            gateway().get().uri(logger).headers(h -> h.setBasicAuth("ops", "dev-ops-password")).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.configuredLevel").isEqualTo("DEBUG")
                    .jsonPath("$.effectiveLevel").isEqualTo("DEBUG");
        } finally {
            gateway().post().uri(logger).header("X-API-Key", OPS_KEY).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"configuredLevel\":null}").exchange().expectStatus().isNoContent();
        }
        assertThat(LoggerFactory.getLogger("io.glasslink.gateway.link").isDebugEnabled()).isFalse();
    }

    @Test
    void theEnvironmentShowsItsValuesToOpsAndTheThreadDumpIsTheirsToo() {
        gateway().get().uri("/actuator/env/spring.application.name").headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.property.value").isEqualTo("gateway-service");
        gateway().get().uri("/actuator/threaddump").headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.threads").isNotEmpty();
        for (String path : new String[] {"/actuator/env", "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics"}) {
            expectProblem(gateway().get().uri(path).exchange(), 401, "unauthenticated");
        }
    }

    @Test
    void infoAnswersAnyone() {
        gateway().get().uri("/actuator/info").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.glasslink.zone").isEqualTo("cloud");
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
