package io.glasslink.supplychain.security;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anyone gets the health status, the probes, info and the Prometheus scrape; details and the ops console's
 * endpoints (metrics, loggers, env, thread dump) need the ops credentials.
 */
@SupplyChainIntegrationTest
class OpsAccessTests extends ApiTestSupport {

    @Test
    void anonymousCallersGetTheStatusOnly() {
        Answer health = anonymous("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/status")).isEqualTo("UP");
        assertThat(health.body().has("components")).isFalse();
        assertThat(health.body().has("details")).isFalse();
        assertThat(health.raw()).doesNotContain("PostgreSQL", "diskSpace", "/work", "/tmp");
        assertThat(anonymous("/actuator/health/liveness").text("/status")).isEqualTo("UP");
        assertThat(anonymous("/actuator/health/readiness").text("/status")).isEqualTo("UP");
    }

    @Test
    void theOpsCredentialsSeeEveryComponentWithItsDetails() {
        Answer health = withBasic("/actuator/health", "ops", "dev-ops-password");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/components/db/status")).isEqualTo("UP");
        assertThat(health.text("/components/db/details/database")).isEqualTo("PostgreSQL");
        assertThat(health.body().at("/components/diskSpace/details/free").isNumber()).isTrue();
    }

    @Test
    void wrongCredentialsAndAnonymousCallsToOtherEndpointsAreUnauthorizedProblems() {
        Answer wrong = withBasic("/actuator/health", "ops", "guess");
        Answer metrics = anonymous("/actuator/metrics");
        Answer metricsAsOps = withBasic("/actuator/metrics", "ops", "dev-ops-password");

        wrong.problem(401);
        metrics.problem(401);
        assertThat(metricsAsOps.status()).isEqualTo(200);
    }

    @Test
    void theOpsCredentialsChangeALoggerLevelLiveAndNobodyElseCan() {
        String logger = "/actuator/loggers/io.glasslink.supplychain.holds";
        Answer refused = api.exchange(http -> http.post().uri(logger).contentType(MediaType.APPLICATION_JSON)
                .body("{\"configuredLevel\":\"DEBUG\"}"));
        Answer wrong = api.exchange(http -> http.post().uri(logger).headers(h -> h.setBasicAuth("ops", "guess"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"configuredLevel\":\"DEBUG\"}"));
        Answer unchanged = withBasic(logger, "ops", "dev-ops-password");

        Answer changed = api.exchange(http -> http.post().uri(logger).headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                .contentType(MediaType.APPLICATION_JSON).body("{\"configuredLevel\":\"DEBUG\"}"));
        try {
            refused.problem(401);
            wrong.problem(401);
            assertThat(unchanged.status()).isEqualTo(200);
            assertThat(unchanged.text("/configuredLevel")).isNotEqualTo("DEBUG");
            assertThat(changed.status()).isEqualTo(204);
            assertThat(LoggerFactory.getLogger("io.glasslink.supplychain.holds.HoldService").isDebugEnabled()).isTrue();
            assertThat(withBasic(logger, "ops", "dev-ops-password").text("/configuredLevel")).isEqualTo("DEBUG");
        } finally {
            api.exchange(http -> http.post().uri(logger).headers(h -> h.setBasicAuth("ops", "dev-ops-password"))
                    .contentType(MediaType.APPLICATION_JSON).body("{}"));
        }
    }

    @Test
    void theOpsConsoleEndpointsAnswerTheOpsCredentialsOnly() {
        for (String endpoint : new String[] {"/actuator/loggers", "/actuator/env", "/actuator/threaddump", "/actuator/metrics"}) {
            anonymous(endpoint).problem(401);
            assertThat(withBasic(endpoint, "ops", "dev-ops-password").status()).as(endpoint).isEqualTo(200);
        }
        Answer env = withBasic("/actuator/env/spring.datasource.username", "ops", "dev-ops-password");
        Answer scrape = anonymous("/actuator/prometheus");
        Answer info = anonymous("/actuator/info");

        assertThat(env.text("/property/value")).isNotBlank().doesNotContain("*");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(info.status()).isEqualTo(200);
    }

    private Answer anonymous(String uri) {
        return api.exchange(http -> http.get().uri(uri));
    }

    private Answer withBasic(String uri, String user, String password) {
        return api.exchange(http -> http.get().uri(uri).headers(h -> h.setBasicAuth(user, password)));
    }
}
