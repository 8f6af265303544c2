package io.glasslink.planning.slots;

import java.time.Duration;
import java.time.Instant;

/** A half-open time range [start, end). */
public record Interval(Instant start, Instant end) implements Comparable<Interval> {

    /** Refuses ranges that end before they start. */
    public Interval {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an interval ends after it starts");
        }
    }

    /** Whether [s, e) lies inside this range. */
    public boolean contains(Instant s, Instant e) {
        return !s.isBefore(start) && !e.isAfter(end);
    }

    /** This range widened by {@code margin} on both sides. */
    public Interval widen(Duration margin) {
        return new Interval(start.minus(margin), end.plus(margin));
    }

    @Override
    public int compareTo(Interval o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }
}
