package io.glasslink.supplychain.security;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Anyone gets the health status and the probes; details and the other endpoints need the ops credentials. */
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

    private Answer anonymous(String uri) {
        return api.exchange(http -> http.get().uri(uri));
    }

    private Answer withBasic(String uri, String user, String password) {
        return api.exchange(http -> http.get().uri(uri).headers(h -> h.setBasicAuth(user, password)));
    }
}
