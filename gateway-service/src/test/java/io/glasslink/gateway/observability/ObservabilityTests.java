package io.glasslink.gateway.observability;

import java.time.Duration;

import io.glasslink.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Correlation ids, W3C trace context, spans in Zipkin (not for the actuator), readiness and per-route/per-partner metrics (ops access: OpsAccessTests). */
class ObservabilityTests extends GatewayTestSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void callersCorrelationIdAndTraceIdReachTheDownstreamAndTheCorrelationIdComesBack() {
        gateway().get().uri("/onprem/planning/api/v1/slots").header("X-API-Key", BOOKING_WEB_KEY)
                .header("X-Correlation-Id", "corr-123")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "corr-123");
        var headers = PLANNING.last().headers();
        assertThat(headers.getFirst("X-Correlation-Id")).isEqualTo("corr-123");
        assertThat(headers.getFirst("traceparent")).startsWith("00-" + TRACE_ID + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void requestWithoutCorrelationIdGetsOneAndAFreshTrace() {
        String correlationId = gateway().get().uri("/").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(BOOKING_WEB.last().headers().getFirst("X-Correlation-Id")).isEqualTo(correlationId);
        assertThat(BOOKING_WEB.last().headers().getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void aRoutedRequestIsTracedToZipkinAndTheActuatorIsNot() {
        String probe = "0af7651916cd43dd8448eb211c80319c";
        String routed = "5b8aa5a2d2c872e8321cf37308d69df2";
        gateway().get().uri("/actuator/health").header("traceparent", "00-" + probe + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();
        gateway().get().uri("/").header("traceparent", "00-" + routed + "-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk();
        var spans = await().atMost(Duration.ofSeconds(10)).until(() -> ZIPKIN.trace(routed), s -> s.size() >= 2);
        assertThat(spans).extracting(s -> s.path("kind").asString()).contains("SERVER", "CLIENT");
        assertThat(spans).allSatisfy(s -> assertThat(s.path("localEndpoint").path("serviceName").asString())
                .isEqualTo("gateway-service"));
        // the health probe ended first, so its span would have been exported with or before the routed one's
        assertThat(ZIPKIN.trace(probe)).isEmpty();
    }

    @Test
    void requestMetricsAreTaggedPerRouteAndPerPartnerAndHealthIsUp() {
        gateway().get().uri("/api/v1/availability").header("X-API-Key", PARTNER_1_KEY).exchange().expectStatus().isOk();
        gateway().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        String prometheus = gateway().get().uri("/actuator/prometheus").header("X-API-Key", "dev-ops-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(prometheus).containsPattern(
                "spring_cloud_gateway_requests_seconds_count\\{[^}]*partner=\"partner-insurer-1\"[^}]*routeId=\"partner-api\"");
        assertThat(prometheus).contains("application=\"gateway-service\"");
    }

    @Test
    void aRoutedRequestIsTimedOnceByTheGatewaysPerRouteMeterWithNoSecondServerTimerOrActiveRequestsTimer() {
        gateway().get().uri("/api/v1/availability").header("X-API-Key", PARTNER_1_KEY).exchange().expectStatus().isOk();
        String prometheus = gateway().get().uri("/actuator/prometheus").header("X-API-Key", "dev-ops-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(prometheus).contains("spring_cloud_gateway_requests_seconds_count")
                .contains("spring_cloud_gateway_http_client_requests_seconds_count")
                .doesNotContain("http_server_requests_seconds")
                .doesNotContain("_active_seconds");
    }

    @Test
    void aRoutedRequestMakesOneServerSpanAndOneClientSpanPerAttemptAndNothingElse() {
        String traceId = "6c9ba5a2d2c872e8321cf37308d69df3";
        gateway().get().uri("/api/v1/availability").header("X-API-Key", PARTNER_1_KEY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").exchange().expectStatus().isOk();
        var spans = await().atMost(Duration.ofSeconds(10)).until(() -> ZIPKIN.trace(traceId),
                s -> s.size() >= 2);
        assertThat(spans).extracting(s -> s.path("kind").asString() + " " + s.path("name").asString())
                .containsExactlyInAnyOrder("SERVER http get", "CLIENT http get");
    }
}
