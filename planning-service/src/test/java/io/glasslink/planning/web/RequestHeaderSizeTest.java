package io.glasslink.planning.web;

import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway forwards up to 8 KB of its caller's headers and adds about 1 KB of its own (identity token, forwarded
 * headers, traceparent, correlation id): such a request is answered, not refused by Tomcat's header limit.
 */
class RequestHeaderSizeTest extends PlanningIntegrationTest {

    @Test
    void aRequestCarryingTheGatewaysNineKilobytesOfHeadersIsAnswered() {
        ResponseEntity<String> answer = api().get().uri("/api/v1/appointments/{id}", UUID.randomUUID())
                .header("X-Caller-Context", "c".repeat(8 * 1024))
                .header("Forwarded", "proto=https;host=\"api.glasslink.example\";for=\"203.0.113.7\"")
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.glasslink.example").header("X-Forwarded-Port", "443")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("X-Correlation-Id", UUID.randomUUID().toString())
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as("the unknown appointment, not a refused request").isEqualTo(404);
        problem(answer, 404);
    }
}
