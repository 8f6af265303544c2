package io.glasslink.booking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import io.glasslink.booking.support.Requests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts against real infrastructure and reports itself healthy and ready: the status to anyone, the
 * details and components only to the ops credentials.
 */
class BookingWebApplicationTests extends IntegrationTest {

    static final String OPS = "Basic " + Base64.getEncoder().encodeToString("ops:dev-ops-password".getBytes(StandardCharsets.UTF_8));

    @Test
    void anyoneGetsTheHealthStatusOnlyAndThePrometheusScrape() {
        RawHttp http = new RawHttp(baseUrl());
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Answer health = http.send("GET", path, null);
            assertThat(health.status()).as(path).isEqualTo(200);
            JsonNode body = Requests.JSON.readTree(health.body());
            assertThat(body.get("status").asString()).isEqualTo("UP");
            assertThat(body.has("components")).as(path + ": " + health.body()).isFalse();
            assertThat(body.has("details")).isFalse();
            assertThat(health.body()).doesNotContain("PostgreSQL", "diskSpace", "path");
        }
        assertThat(http.send("GET", "/actuator/prometheus", null).body()).contains("application=\"booking-web-service\"");
    }

    @Test
    void theOpsCredentialsSeeEveryComponentAndTheMetrics() {
        RawHttp http = new RawHttp(baseUrl());
        JsonNode health = Requests.JSON.readTree(http.send("GET", "/actuator/health", null, "Authorization", OPS).body());
        assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("details").get("database").asString()).isEqualTo("PostgreSQL");
        for (String console : new String[] {"/actuator/metrics", "/actuator/loggers", "/actuator/env", "/actuator/threaddump"}) {
            assertThat(http.send("GET", console, null, "Authorization", OPS).status()).as(console).isEqualTo(200);
        }
    }

    @Test
    void wrongOrMissingOpsCredentialsAreRefusedAsProblems() {
        RawHttp http = new RawHttp(baseUrl());
        Answer wrong = http.send("GET", "/actuator/health", null, "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("ops:guess".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problem().get("type").asString()).endsWith("/unauthenticated");
        Answer metrics = http.send("GET", "/actuator/metrics", null);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(metrics.header("www-authenticate")).startsWith("Basic");
        metrics.problem();
    }
}
