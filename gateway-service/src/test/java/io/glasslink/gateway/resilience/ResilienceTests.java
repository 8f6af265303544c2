package io.glasslink.gateway.resilience;

import java.time.Duration;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.gateway.support.Downstream;
import io.glasslink.gateway.support.GatewayTestSupport;
import io.glasslink.gateway.support.TestClockConfiguration;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import static io.glasslink.gateway.support.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timeouts (1 s per attempt of a retryable call, 2 s in tests for a single-shot write), retries limited to idempotent
 * calls with a fresh identity token per attempt, {@code Retry-After} on every 503 and 504, and the circuit breaker's
 * open, half-open and closed states against real downstream servers (planning's breaker: window 4, 2 s open in tests).
 */
class ResilienceTests extends GatewayTestSupport {

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void reset() {
        SUPPLY_CHAIN.reset();
        PLANNING.reset();
        breakers.circuitBreaker("planning").reset();
        breakers.circuitBreaker("supply-chain").reset();
        breakers.circuitBreaker("booking-web").reset();
    }

    @Test
    void slowDownstreamAnswers504ProblemWithRetryAfterAfterFourOneSecondAttempts() {
        long start = System.nanoTime();
        expectProblem(gateway().get().uri("/onprem/supply-chain/api/v1/slow?ms=3000").header("X-API-Key", BOOKING_WEB_KEY)
                .exchange().expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1"), 504, "upstream-timeout");
        // four attempts of 1 s each plus backoff, where four of the downstream's 3 s answers would take 12 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(8000));
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/slow")).isEqualTo(4);
    }

    @Test
    void aSingleShotWriteWaitsItsLongerTimeoutWhereAnIdempotentCallIsCutAfterOneSecond() {
        gateway().post().uri("/onprem/supply-chain/api/v1/slow?ms=1300").header("X-API-Key", BOOKING_WEB_KEY)
                .exchange().expectStatus().isOk();
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/slow")).isEqualTo(1);
        SUPPLY_CHAIN.reset();
        gateway().post().uri("/onprem/supply-chain/api/v1/slow?ms=1300").header("X-API-Key", BOOKING_WEB_KEY)
                .header("Idempotency-Key", "GL-SLOW-" + UUID.randomUUID())
                .exchange().expectStatus().isEqualTo(504);
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/slow")).isEqualTo(4);
    }

    @Test
    void getWhoseBodyStallsAfterTheHeadersIsRetriedAfterTheRouteResponseTimeout() {
        long start = System.nanoTime();
        gateway().get().uri("/onprem/supply-chain/api/v1/stall?stalls=1&ms=5000&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.call").isEqualTo(2);
        // the first answer went silent after its headers: 1 s of silence ends that attempt, not 5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/stall")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 100_000, 262_144, 262_145, 3_000_000})
    void chunkedAnswersBelowAndAboveTheReplayableSizeArriveWhole(int bytes) {
        byte[] body = gateway().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4_000_000)).build()
                .get().uri("/onprem/supply-chain/api/v1/big?bytes=" + bytes)
                .header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        byte[] actual = body == null ? new byte[0] : body;
        assertThat(actual).hasSize(bytes);
        for (int i = 0; i < bytes; i++) {
            if (actual[i] != (byte) (i % 251)) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }

    @Test
    void postWhoseBodyStallsAfterTheHeadersAnswers504ProblemWithoutARetry() {
        long start = System.nanoTime();
        gateway().post().uri("/onprem/supply-chain/api/v1/stall?stalls=1&ms=5000&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.type").isEqualTo("https://glasslink.io/problems/upstream-timeout");
        // the single-shot write's 2 s of silence ends it, not the downstream's 5 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/stall")).isEqualTo(1);
    }

    @Test
    void idempotentGetIsRetriedAfterA503AndSucceeds() {
        gateway().get().uri("/onprem/supply-chain/api/v1/flaky?failures=2&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.call").isEqualTo(3);
        // (two 503s, then the third attempt answers)
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PATCH", "DELETE"})
    void aWriteWithoutIdempotencyKeyIsNotRetried(String method) {
        expectProblem(gateway().method(HttpMethod.valueOf(method)).uri("/onprem/supply-chain/api/v1/flaky?failures=1&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER), 503, "upstream-unavailable");
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/flaky")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PATCH", "DELETE"})
    void aWriteWithIdempotencyKeyIsRetried(String method) {
        gateway().method(HttpMethod.valueOf(method)).uri("/onprem/supply-chain/api/v1/flaky?failures=1&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).header("Idempotency-Key", "GL-" + UUID.randomUUID())
                .exchange().expectStatus().isOk();
        assertThat(SUPPLY_CHAIN.callsTo("/api/v1/flaky")).isEqualTo(2);
    }

    @Test
    void aPartnerBookingRetriedAfterASlowFailedAttemptCarriesAFreshIdentityTokenNotTheAgedOne() {
        BOOKING_WEB.reset();
        // the first attempt fails after 61 s of the suite's clock: a token minted once per request would have expired
        try {
            gateway().post().uri("/api/v1/flaky?failures=1&ageSeconds=61&key=" + UUID.randomUUID())
                    .header("X-API-Key", PARTNER_1_KEY).header("Idempotency-Key", "GL-" + UUID.randomUUID())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"jobType\":\"REPLACEMENT\"}").exchange()
                    .expectStatus().isOk();
        } finally {
            TestClockConfiguration.CLOCK.advance(Duration.ofSeconds(-61));
        }
        assertThat(BOOKING_WEB.received()).hasSize(2).allSatisfy(r -> assertThat(r.identity()).isNotNull());
        assertThat(BOOKING_WEB.received().get(1).identity().getJWTID())
                .isNotEqualTo(BOOKING_WEB.received().get(0).identity().getJWTID());
        assertThat(BOOKING_WEB.received().get(1).identity().getIssueTime())
                .isAfterOrEqualTo(java.util.Date.from(BOOKING_WEB.received().get(0).identity().getIssueTime().toInstant().plusSeconds(61)));
    }

    @Test
    void postWithIdempotencyKeyIsRetriedWithItsBody() {
        gateway().post().uri("/onprem/supply-chain/api/v1/flaky?failures=1&key=" + UUID.randomUUID())
                .header("X-API-Key", BOOKING_WEB_KEY).header("Idempotency-Key", "GL-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"bookingReference\":\"GL-42\"}").exchange()
                .expectStatus().isOk();
        assertThat(SUPPLY_CHAIN.received()).hasSize(2)
                .allSatisfy(r -> assertThat(r.bodyBytes()).isEqualTo("{\"bookingReference\":\"GL-42\"}".length()));
    }

    @Test
    void breakerOpensAfterFailuresAnswersFastWithRetryAfterThenHalfOpensAndCloses() {
        for (int i = 0; i < 4; i++) {
            gateway().post().uri("/onprem/planning/api/v1/status?code=503").header("X-API-Key", BOOKING_WEB_KEY)
                    .exchange().expectStatus().isEqualTo(503);
        }
        CircuitBreaker breaker = breakers.circuitBreaker("planning");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int callsWhileOpen = PLANNING.received().size();
        expectProblem(gateway().get().uri("/onprem/planning/api/v1/slots").header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "2"), 503, "circuit-open");
        assertThat(PLANNING.received()).hasSize(callsWhileOpen);

        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        gateway().get().uri("/onprem/planning/api/v1/slots").header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        gateway().get().uri("/onprem/planning/api/v1/slots").header("X-API-Key", BOOKING_WEB_KEY).exchange()
                .expectStatus().isOk();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aBareBadGatewayFromTheDownstreamIsTheGatewaysBadGatewayProblem() {
        breakers.circuitBreaker("booking-web").reset();
        // a 502 without problem+json (a proxy's or a crashed service's page) is replaced and counts as a failure
        JsonNode problem = expectProblem(gateway().post().uri("/api/v1/status?code=502").header("X-API-Key", PARTNER_1_KEY)
                .exchange(), 502, "upstream-unavailable");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/status");
        assertThat(breakers.circuitBreaker("booking-web").getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aBareServiceUnavailableFromTheDownstreamIsTheGatewaysProblemWithRetryAfter() {
        breakers.circuitBreaker("booking-web").reset();
        expectProblem(gateway().post().uri("/api/v1/status?code=503").header("X-API-Key", PARTNER_1_KEY).exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1"), 503, "upstream-unavailable");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {503, 504, 502, 409, 422})
    void aDownstreamProblemAnswerPassesThroughUntouchedAndDoesNotCountAgainstTheService(int code) {
        breakers.circuitBreaker("booking-web").reset();
        BOOKING_WEB.reset();
        var answer = gateway().post().uri("/api/v1/problem?code=" + code + "&retryAfter=7")
                .header("X-API-Key", PARTNER_1_KEY).exchange()
                .expectStatus().isEqualTo(code)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectHeader().valueEquals("X-Downstream", "booking-web")
                .expectBody(String.class).returnResult();
        assertThat(answer.getResponseBody()).isEqualTo(Downstream.problemBody(code));
        assertThat(BOOKING_WEB.callsTo("/api/v1/problem")).isEqualTo(1);
        assertThat(breakers.circuitBreaker("booking-web").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aLinkThatRefusesEveryConnectionIsAnUnavailableProblemWithRetryAfterNotA500() {
        LINK.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        LINK.outage(PathId.VPN, OutageMode.REFUSE);
        try {
            JsonNode problem = expectProblem(gateway().post().uri("/onprem/planning/api/v1/holds")
                    .header("X-API-Key", BOOKING_WEB_KEY).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER), 503, "upstream-unavailable");
            assertThat(problem.get("instance").asString()).isEqualTo("/onprem/planning/api/v1/holds");
        } finally {
            LINK.restore();
        }
        assertThat(PLANNING.callsTo("/api/v1/holds")).isZero();
    }
}
