package io.glasslink.planning;

import io.glasslink.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts against real infrastructure and reports itself healthy and ready. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PlanningApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void reportsLivenessReadinessAndPrometheusMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"planning-service\"");
    }
}
