package io.glasslink.planning.slots;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.glasslink.planning.network.Centre;
import io.glasslink.planning.workforce.FrenchHolidays;
import io.glasslink.planning.workforce.WorkPattern;

/**
 * Interval arithmetic behind the slot search: working time of a technician from the weekly
 * pattern (local times in the business zone, so correct across DST changes), minus busy time,
 * cut into start times.
 */
public final class FreeTime {

    private FreeTime() {
    }

    /**
     * Working time over the dates [first, last] in {@code zone}: the pattern's periods of each day,
     * none on public holidays, cut to the opening hours when {@code opening} is given.
     */
    public static List<Interval> workingTime(List<WorkPattern> patterns, Map<DayOfWeek, Centre.OpeningHours> opening,
                                             LocalDate first, LocalDate last, ZoneId zone) {
        List<Interval> result = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (FrenchHolidays.isHoliday(date)) {
                continue;
            }
            Centre.OpeningHours hours = opening == null ? null : opening.get(date.getDayOfWeek());
            if (opening != null && hours == null) {
                continue;
            }
            for (WorkPattern p : patterns) {
                if (!p.appliesOn(date)) {
                    continue;
                }
                LocalTime s = p.starts();
                LocalTime e = p.ends();
                if (hours != null) {
                    s = s.isBefore(hours.opens()) ? hours.opens() : s;
                    e = e.isAfter(hours.closes()) ? hours.closes() : e;
                }
                if (s.isBefore(e)) {
                    result.add(new Interval(ZonedDateTime.of(date, s, zone).toInstant(),
                            ZonedDateTime.of(date, e, zone).toInstant()));
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** {@code time} minus every range of {@code busy}; both sorted or not, the result is sorted. */
    public static List<Interval> subtract(List<Interval> time, List<Interval> busy) {
        List<Interval> sortedBusy = new ArrayList<>(busy);
        sortedBusy.sort(null);
        List<Interval> result = new ArrayList<>();
        for (Interval t : time) {
            Instant cursor = t.start();
            for (Interval b : sortedBusy) {
                if (!b.end().isAfter(cursor) || !b.start().isBefore(t.end())) {
                    continue;
                }
                if (b.start().isAfter(cursor)) {
                    result.add(new Interval(cursor, b.start()));
                }
                if (b.end().isAfter(cursor)) {
                    cursor = b.end();
                }
                if (!cursor.isBefore(t.end())) {
                    break;
                }
            }
            if (cursor.isBefore(t.end())) {
                result.add(new Interval(cursor, t.end()));
            }
        }
        return result;
    }

    /** The parts of {@code ranges} inside {@code window}. */
    public static List<Interval> clip(List<Interval> ranges, Interval window) {
        List<Interval> result = new ArrayList<>(ranges.size());
        for (Interval r : ranges) {
            Instant s = r.start().isBefore(window.start()) ? window.start() : r.start();
            Instant e = r.end().isAfter(window.end()) ? window.end() : r.end();
            if (s.isBefore(e)) {
                result.add(new Interval(s, e));
            }
        }
        return result;
    }

    /**
     * Every start time, on the {@code step} grid and not before {@code earliest}, at which a job
     * of {@code duration} fits entirely in one of the free ranges.
     */
    public static void starts(List<Interval> free, Instant earliest, Duration duration, Duration step,
                              Consumer<Instant> sink) {
        startSeconds(free, earliest, duration, step, s -> sink.accept(Instant.ofEpochSecond(s)));
    }

    /** {@link #starts} as epoch seconds, in increasing order (no object per start). */
    public static void startSeconds(List<Interval> free, Instant earliest, Duration duration, Duration step,
                                    LongConsumer sink) {
        long stepSeconds = step.toSeconds();
        long durationSeconds = duration.toSeconds();
        long earliestSecond = earliest.getEpochSecond() + (earliest.getNano() > 0 ? 1 : 0);
        for (Interval f : free) {
            long from = Math.max(earliestSecond, f.start().getEpochSecond() + (f.start().getNano() > 0 ? 1 : 0));
            long last = f.end().getEpochSecond() - durationSeconds;
            for (long s = Math.floorDiv(from + stepSeconds - 1, stepSeconds) * stepSeconds; s <= last; s += stepSeconds) {
                sink.accept(s);
            }
        }
    }
}
