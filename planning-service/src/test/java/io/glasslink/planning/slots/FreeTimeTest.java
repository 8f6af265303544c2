package io.glasslink.planning.slots;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreeTimeTest {

    private static Interval at(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void subtractingBookingsLeavesTheGapsBetweenThem() {
        List<Interval> free = FreeTime.subtract(
                List.of(at("2026-12-01T07:00:00Z", "2026-12-01T11:00:00Z")),
                List.of(at("2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z"), at("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z")));
        assertThat(free).containsExactly(at("2026-12-01T07:30:00Z", "2026-12-01T09:00:00Z"),
                at("2026-12-01T09:30:00Z", "2026-12-01T11:00:00Z"));
    }

    @Test
    void aBookingCoveringTheWholeDayLeavesNothing() {
        assertThat(FreeTime.subtract(List.of(at("2026-12-01T07:00:00Z", "2026-12-01T11:00:00Z")),
                List.of(at("2026-12-01T06:00:00Z", "2026-12-01T12:00:00Z")))).isEmpty();
    }

    @Test
    void startsAreOnTheQuarterHourGridAndTheJobFitsBeforeTheEnd() {
        List<Instant> starts = new ArrayList<>();
        FreeTime.starts(List.of(at("2026-12-01T07:05:00Z", "2026-12-01T08:30:00Z")), Instant.parse("2026-12-01T00:00:00Z"),
                Duration.ofMinutes(60), Duration.ofMinutes(15), starts::add);
        assertThat(starts).containsExactly(Instant.parse("2026-12-01T07:15:00Z"), Instant.parse("2026-12-01T07:30:00Z"));
    }

    @Test
    void noStartBeforeTheEarliestAllowedTime() {
        List<Instant> starts = new ArrayList<>();
        FreeTime.starts(List.of(at("2026-12-01T07:00:00Z", "2026-12-01T09:00:00Z")), Instant.parse("2026-12-01T08:01:00Z"),
                Duration.ofMinutes(30), Duration.ofMinutes(15), starts::add);
        assertThat(starts).containsExactly(Instant.parse("2026-12-01T08:15:00Z"), Instant.parse("2026-12-01T08:30:00Z"));
    }
}
