package io.glasslink.booking;

import io.glasslink.booking.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts against real infrastructure and reports itself healthy and ready. */
class BookingWebApplicationTests extends IntegrationTest {

    @Test
    void reportsLivenessReadinessAndPrometheusMetrics() {
        RestClient http = RestClient.create(baseUrl());
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"booking-web-service\"");
    }

    @Test
    void servesTheOpenApi31DescriptionOfThePartnerApi() {
        String doc = RestClient.create(baseUrl()).get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(doc).contains("\"openapi\":\"3.1").contains("/api/v1/bookings").contains("/api/v1/availability/search");
    }
}
