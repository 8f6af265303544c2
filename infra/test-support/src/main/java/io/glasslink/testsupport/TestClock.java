package io.glasslink.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A business clock for tests: it starts at a named instant and then ticks with real elapsed time,
 * so timeouts, hold expiry and awaits still move while the calendar is the one the test chose.
 *
 * <p>A test suite never reads the machine's calendar for a business answer: each service's tests
 * replace the {@link Clock} bean with one of these, pinned to {@link #suiteStart()} unless a test
 * names another date ({@link #set}). {@code -Dglasslink.test.clock=2026-12-05T22:30:00+01:00}
 * moves the whole suite to another date, which is how "passes on any date" is shown.
 */
public final class TestClock extends Clock {

    /** The system property that moves the whole suite to another date. */
    public static final String PROPERTY = "glasslink.test.clock";

    /** A Wednesday morning in Paris, away from weekends, holidays and DST changes. */
    public static final String DEFAULT_START = "2026-12-09T09:00:00+01:00";

    /** The business time zone of the network. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ZoneId zone;
    private volatile long offsetNanos;

    private TestClock(ZoneId zone, long offsetNanos) {
        this.zone = zone;
        this.offsetNanos = offsetNanos;
    }

    /** A clock that starts now at {@code start} (ISO-8601 with offset, e.g. {@code 2026-12-05T10:00:00+01:00}). */
    public static TestClock startingAt(String start) {
        return startingAt(OffsetDateTime.parse(start).toInstant());
    }

    /** A clock that starts now at {@code start}. */
    public static TestClock startingAt(Instant start) {
        TestClock clock = new TestClock(ZoneOffset.UTC, 0);
        clock.set(start);
        return clock;
    }

    /** A clock at the suite's start instant: {@code -Dglasslink.test.clock} or {@link #DEFAULT_START}. */
    public static TestClock atSuiteStart() {
        return startingAt(suiteStart());
    }

    /** The instant the suite's clocks start at. */
    public static Instant suiteStart() {
        String value = System.getProperty(PROPERTY);
        return OffsetDateTime.parse(value == null || value.isBlank() ? DEFAULT_START : value.trim()).toInstant();
    }

    /** Jumps to {@code instant}; the clock keeps ticking from there. */
    public TestClock set(Instant instant) {
        offsetNanos = Duration.between(Instant.now(Clock.systemUTC()), instant).toNanos();
        return this;
    }

    /** Jumps to {@code start} (ISO-8601 with offset). */
    public TestClock set(String start) {
        return set(OffsetDateTime.parse(start).toInstant());
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public TestClock advance(Duration duration) {
        offsetNanos += duration.toNanos();
        return this;
    }

    /**
     * Jumps to {@code instant} until the returned handle is closed, then back to where the clock
     * would be had it not jumped: {@code try (var at = clock.setTemporarily(...)) { ... }}.
     */
    public Restore setTemporarily(Instant instant) {
        long before = offsetNanos;
        set(instant);
        return () -> offsetNanos = before;
    }

    /** Undoes a {@link #setTemporarily} jump. */
    @FunctionalInterface
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    /** Back to the suite's start instant. */
    public TestClock reset() {
        return set(suiteStart());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // the view shares this clock's offset: a later set() moves it too
        TestClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return parent.withZone(other);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Clock.systemUTC().instant().plusNanos(offsetNanos);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant().atZone(PARIS).toOffsetDateTime() + "]";
    }
}
