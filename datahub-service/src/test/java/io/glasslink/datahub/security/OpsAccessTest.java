package io.glasslink.datahub.security;

import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestHttp;
import io.glasslink.datahub.TestHttp.Answer;
import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Health tells anyone the status; its components and details, and the other endpoints, need the ops credentials. */
@HubSpringTest
class OpsAccessTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRONG = "Basic " + java.util.Base64.getEncoder().encodeToString("ops:guess".getBytes());

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersGetTheHealthStatusAndProbeGroupsOnly() {
        Answer answer = TestHttp.get(port, "/actuator/health");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode health = JSON.readTree(answer.body());
        assertThat(health.propertyNames()).as("the status and the names of the probe groups").containsExactlyInAnyOrder("status", "groups");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(answer.body()).doesNotContain("diskSpace", "hub", "free", "path");
    }

    @Test
    void theOpsCredentialsGetEveryComponentAndItsDetails() {
        Answer answer = TestHttp.get(port, "/actuator/health", "Authorization", TestHttp.OPS);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode components = JSON.readTree(answer.body()).get("components");
        assertThat(components.get("hub").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("diskSpace").get("details").has("free")).isTrue();
    }

    @Test
    void livenessAndReadinessAreOpen() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Answer answer = TestHttp.get(port, probe);

            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void aComponentIsHiddenFromAnonymousCallersAndShownToOps() {
        assertThat(TestHttp.get(port, "/actuator/health/hub").status()).isEqualTo(404);

        Answer answer = TestHttp.get(port, "/actuator/health/hub", "Authorization", TestHttp.OPS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOtherEndpointsNeedTheOpsCredentials() {
        assertThat(TestHttp.get(port, "/actuator/metrics", "Authorization", TestHttp.OPS).status()).isEqualTo(200);

        Answer wrongPassword = TestHttp.get(port, "/actuator/metrics", "Authorization", WRONG);
        assertThat(wrongPassword.status()).isEqualTo(401);
        ProblemChecks.check(401, wrongPassword.contentType(), wrongPassword.body());
        assertThat(TestHttp.get(port, "/actuator/prometheus").status()).as("the scrape stays open").isEqualTo(200);
    }

    @Test
    void theOpsCredentialsChangeALoggerLevelLiveAndNobodyElseCan() {
        String logger = "/actuator/loggers/io.glasslink.datahub.pipeline.Lane";
        try {
            Answer anonymous = TestHttp.sendJson(port, "POST", logger, "{\"configuredLevel\":\"DEBUG\"}");
            assertThat(anonymous.status()).isEqualTo(401);
            ProblemChecks.check(401, anonymous.contentType(), anonymous.body());
            assertThat(TestHttp.sendJson(port, "POST", logger, "{\"configuredLevel\":\"DEBUG\"}", "Authorization", WRONG).status()).isEqualTo(401);
            assertThat(LoggerFactory.getLogger("io.glasslink.datahub.pipeline.Lane").isDebugEnabled()).as("refused: unchanged").isFalse();

            assertThat(TestHttp.sendJson(port, "POST", logger, "{\"configuredLevel\":\"DEBUG\"}", "Authorization", TestHttp.OPS).status()).isEqualTo(204);
            assertThat(LoggerFactory.getLogger("io.glasslink.datahub.pipeline.Lane").isDebugEnabled()).isTrue();
            Answer read = TestHttp.get(port, logger, "Authorization", TestHttp.OPS);
            assertThat(JSON.readTree(read.body()).get("configuredLevel").asString()).isEqualTo("DEBUG");
        } finally {
            TestHttp.sendJson(port, "POST", logger, "{\"configuredLevel\":null}", "Authorization", TestHttp.OPS);
        }
        assertThat(LoggerFactory.getLogger("io.glasslink.datahub.pipeline.Lane").isDebugEnabled()).isFalse();
    }

    @Test
    void theConsoleEndpointsShowTheirContentToOpsOnly() {
        for (String endpoint : new String[] {"/actuator/env", "/actuator/threaddump", "/actuator/loggers", "/actuator/metrics"}) {
            Answer anonymous = TestHttp.get(port, endpoint);
            assertThat(anonymous.status()).as(endpoint).isEqualTo(401);
            ProblemChecks.check(401, anonymous.contentType(), anonymous.body());
            assertThat(TestHttp.get(port, endpoint, "Authorization", TestHttp.OPS).status()).as(endpoint).isEqualTo(200);
        }
        Answer env = TestHttp.get(port, "/actuator/env/spring.application.name", "Authorization", TestHttp.OPS);
        assertThat(JSON.readTree(env.body()).get("property").get("value").asString()).as("values shown to ops").isEqualTo("datahub-service");
    }

    @Test
    void theCatalogueApiStaysOpen() {
        assertThat(TestHttp.get(port, "/api/v1/lake/datasets").status()).isEqualTo(200);
    }
}
