package io.glasslink.gateway.limits;

import java.nio.charset.StandardCharsets;

import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;

import static io.glasslink.gateway.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-partner rate limits and the request size limit (10 KB and 5 requests/minute for partner-fleet-2 in tests). */
class LimitsTests extends GatewayTestSupport {

    @Test
    void partnerOverItsBudgetGets429WithRateLimitHeadersAndRetryAfter() {
        for (int i = 5; i > 0; i--) {
            gateway().get().uri("/api/v1/availability").header("X-API-Key", PARTNER_2_KEY).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", "5")
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(i - 1))
                    .expectHeader().valueEquals("RateLimit-Policy", "5;w=60");
        }
        EntityExchangeResult<String> refused = gateway().get().uri("/api/v1/availability")
                .header("X-API-Key", PARTNER_2_KEY).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectBody(String.class).returnResult();
        ProblemChecks.check(429, refused.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE), refused.getResponseBody());
        long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 12L);
        String prometheus = gateway().get().uri("/actuator/prometheus").header("X-API-Key", "dev-ops-key").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(prometheus).contains("# HELP glasslink_gateway_ratelimit_rejected_total Requests refused with 429")
                .containsPattern("glasslink_gateway_ratelimit_rejected_total\\{application=\"gateway-service\",client=\"partner-fleet-2\"} [1-9]");
    }

    @Test
    void anotherPartnersBudgetIsSeparate() {
        gateway().get().uri("/api/v1/availability").header("X-API-Key", PARTNER_1_KEY).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "100");
    }

    @Test
    void bodyAboveTheLimitWithContentLengthIs413AndNeverForwarded() {
        int before = BOOKING_WEB.callsTo("/api/v1/bookings");
        expectProblem(gateway().post().uri("/api/v1/bookings").header("X-API-Key", PARTNER_1_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(11 * 1024)).exchange(), 413, "content-too-large");
        assertThat(BOOKING_WEB.callsTo("/api/v1/bookings")).isEqualTo(before);
    }

    @Test
    void chunkedBodyAboveTheLimitIs413() {
        Flux<DataBuffer> chunks = Flux.range(0, 12).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("y".repeat(1024).getBytes(StandardCharsets.UTF_8)));
        expectProblem(gateway().post().uri("/api/v1/bookings").header("X-API-Key", PARTNER_1_KEY)
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class).exchange(), 413, "content-too-large");
    }

    @Test
    void bodyWithinTheLimitIsForwardedWhole() {
        gateway().post().uri("/api/v1/bookings").header("X-API-Key", PARTNER_1_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("z".repeat(9 * 1024)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(9 * 1024);
    }
}
