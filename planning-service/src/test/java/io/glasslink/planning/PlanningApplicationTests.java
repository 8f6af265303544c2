package io.glasslink.planning;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts against real infrastructure, seeds its data and reports itself healthy and ready. */
class PlanningApplicationTests extends PlanningIntegrationTest {

    @Test
    void reportsLivenessReadinessAndPrometheusMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"planning-service\"");
    }

    @Test
    void seedsTheNetworkTechniciansAndVansOnFirstStart() {
        assertThat(jdbc.queryForObject("select count(*) from centre", Integer.class)).isEqualTo(450);
        assertThat(jdbc.queryForObject("select count(*) from technician", Integer.class)).isEqualTo(1500);
        assertThat(jdbc.queryForObject("select count(*) from technician where has_van", Integer.class)).isEqualTo(700);
        assertThat(jdbc.queryForObject("select count(*) from appointment where booking_reference like 'SEED-%'", Integer.class))
                .isGreaterThan(1000);
        assertThat(overlaps()).isZero();
    }

    @Test
    void publishesTheOpenApiDocumentWithoutAToken() {
        String doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(doc).contains("/api/v1/slots/search").contains("/api/v1/appointments");
    }
}
