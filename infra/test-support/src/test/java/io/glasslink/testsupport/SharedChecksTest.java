package io.glasslink.testsupport;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared checks themselves: they pass on the contract's shape and fail on drift. */
class SharedChecksTest {

    @Test
    void testClockStartsAtTheNamedInstantAndTicks() throws InterruptedException {
        TestClock clock = TestClock.startingAt(NamedDates.SATURDAY.instant());
        Instant first = clock.instant();
        assertThat(Duration.between(NamedDates.SATURDAY.instant(), first).abs()).isLessThan(Duration.ofSeconds(1));
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(first);
        clock.advance(Duration.ofDays(1));
        assertThat(clock.withZone(TestClock.PARIS).instant()).isAfter(NamedDates.SUNDAY.instant().minus(Duration.ofHours(6)));
    }

    @Test
    void suiteStartFollowsTheSystemProperty() {
        String before = System.getProperty(TestClock.PROPERTY);
        try {
            System.setProperty(TestClock.PROPERTY, "2027-05-07T11:00:00+02:00");
            assertThat(TestClock.suiteStart()).isEqualTo(NamedDates.VICTORY_DAY_EVE.instant());
        } finally {
            if (before == null) {
                System.clearProperty(TestClock.PROPERTY);
            } else {
                System.setProperty(TestClock.PROPERTY, before);
            }
        }
    }

    @Test
    void problemChecksAcceptTheContractShapeAndRefuseDrift() {
        assertThat(ProblemChecks.listedTypes()).containsKeys("invalid-request", "method-not-allowed", "server-error");
        String ok = """
                {"type":"https://glasslink.io/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"customer.consent: must be true","instance":"/api/v1/bookings",
                 "errors":[{"field":"customer.consent","message":"must be true"}]}""";
        ProblemChecks.checkFieldError(400, "application/problem+json", ok, "customer.consent");
        assertThatThrownBy(() -> ProblemChecks.check(400, "application/json", ok)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProblemChecks.check(409, "application/problem+json", ok)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProblemChecks.check(400, "application/problem+json",
                ok.replace("invalid-request", "validation"))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ProblemChecks.check(500, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}")).isInstanceOf(AssertionError.class);
    }

    @Test
    void parisTimeRefusesUtcAndTheWrongSeasonOffset() {
        CloudEventChecks.checkParisTime("2026-12-09T09:00:00+01:00", "winter");
        CloudEventChecks.checkParisTime("2026-07-01T09:00:00.123+02:00", "summer");
        assertThatThrownBy(() -> CloudEventChecks.checkParisTime("2026-12-09T08:00:00Z", "utc")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> CloudEventChecks.checkParisTime("2026-07-01T08:00:00+01:00", "winter offset in summer"))
                .isInstanceOf(AssertionError.class);
    }
}
