package io.glasslink.supplychain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts against real infrastructure, healthy, with its reference data loaded. */
@SupplyChainIntegrationTest
class SupplyChainApplicationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reportsLivenessReadinessAndPrometheusMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"supply-chain-service\"");
    }

    @Test
    void publishesItsOpenApiDescriptionWithoutAToken() {
        String openApi = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
                .body(String.class);
        assertThat(openApi).contains("/api/v1/availability/batch", "/api/v1/holds/{holdId}/confirm");
    }

    @Test
    void loadsTheNetworkAndWithTheSwitchOnTheDemoCatalogueAndStock() {
        assertThat(count("select count(*) from locations where type = 'CENTRE'")).isEqualTo(450);
        assertThat(count("select count(*) from locations where type = 'DEPOT'")).isEqualTo(20);
        assertThat(count("select count(*) from locations where type = 'DC'")).isEqualTo(1);
        assertThat(count("select count(*) from vehicle_models")).isEqualTo(300);
        assertThat(count("select count(*) from parts where part_number not like '0000T%'")).isBetween(1800L, 2300L);
        assertThat(count("select count(*) from stock")).isGreaterThan(50_000L);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
