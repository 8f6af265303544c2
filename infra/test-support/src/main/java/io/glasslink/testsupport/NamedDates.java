package io.glasslink.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dates on which calendar-sensitive behaviour is checked in every service: a Saturday, a
 * Sunday, the eves of French public holidays, both DST changes of 2026 and the turn of the year.
 * Each is a moment in Paris at which a customer or partner could plausibly be searching or booking.
 * Use as {@code @MethodSource("io.glasslink.testsupport.NamedDates#all")}.
 */
public final class NamedDates {

    /** One named moment. */
    public record NamedDate(String name, OffsetDateTime at) {

        /** The moment as an instant. */
        public Instant instant() {
            return at.toInstant();
        }

        /** The Paris calendar day of the moment. */
        public LocalDate day() {
            return at.atZoneSameInstant(TestClock.PARIS).toLocalDate();
        }

        @Override
        public String toString() {
            return name + " (" + at + ")";
        }
    }

    public static final NamedDate SATURDAY = named("Saturday", "2026-12-05T10:00:00+01:00");
    public static final NamedDate SATURDAY_EVENING = named("Saturday evening", "2026-12-05T22:30:00+01:00");
    public static final NamedDate SUNDAY = named("Sunday", "2026-12-06T15:00:00+01:00");
    public static final NamedDate CHRISTMAS_EVE = named("Christmas Eve (24 December)", "2026-12-24T11:00:00+01:00");
    public static final NamedDate VICTORY_DAY_EVE = named("Eve of 8 May (7 May)", "2027-05-07T11:00:00+02:00");
    public static final NamedDate DST_SPRING = named("Spring DST change (29 March)", "2026-03-29T01:30:00+01:00");
    public static final NamedDate DST_SPRING_EVE = named("Eve of the spring DST change", "2026-03-28T16:00:00+01:00");
    public static final NamedDate DST_AUTUMN = named("Autumn DST change (25 October)", "2026-10-25T02:30:00+02:00");
    public static final NamedDate DST_AUTUMN_EVE = named("Eve of the autumn DST change", "2026-10-24T16:00:00+02:00");
    public static final NamedDate NEW_YEARS_EVE = named("31 December, late", "2026-12-31T23:30:00+01:00");

    private static final List<NamedDate> ALL = List.of(SATURDAY, SATURDAY_EVENING, SUNDAY, CHRISTMAS_EVE,
            VICTORY_DAY_EVE, DST_SPRING_EVE, DST_SPRING, DST_AUTUMN_EVE, DST_AUTUMN, NEW_YEARS_EVE);

    private NamedDates() {
    }

    /** Every named moment, for a parameterized test. */
    public static Stream<NamedDate> all() {
        return ALL.stream();
    }

    /** Every named moment as a list. */
    public static List<NamedDate> list() {
        return ALL;
    }

    private static NamedDate named(String name, String at) {
        return new NamedDate(name, OffsetDateTime.parse(at));
    }
}
