package io.glasslink.booking.availability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the network works, as planning-service's reference patterns say: Monday to Friday 08:00–18:00
 * (centres open 08:00–18:30, technicians work 08:00–17:00 or 09:00–18:00), Saturday 09:00–12:30 (centres open
 * 09:00–13:00, Saturday technicians until 12:30), never on Sundays or French public holidays. Local times in
 * Europe/Paris, so a day keeps its hours across a DST change. Provisional answers and the check of a requested
 * start both follow it.
 */
public final class NetworkCalendar {

    /** The business time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final Hours WEEKDAY = new Hours(LocalTime.of(8, 0), LocalTime.of(18, 0));
    private static final Hours SATURDAY = new Hours(LocalTime.of(9, 0), LocalTime.of(12, 30));

    private NetworkCalendar() {
    }

    /** The working hours of {@code day}; empty on Sundays and public holidays. */
    public static Optional<Hours> hours(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY || FrenchHolidays.isHoliday(day)) {
            return Optional.empty();
        }
        return Optional.of(day.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : WEEKDAY);
    }

    /** Whether a job of {@code duration} starting at {@code start} lies inside the working hours of its day. */
    public static boolean fits(ZonedDateTime start, Duration duration) {
        ZonedDateTime local = start.withZoneSameInstant(ZONE);
        return hours(local.toLocalDate())
                .map(h -> !local.toLocalTime().isBefore(h.opens())
                        && !local.plus(duration).isAfter(local.toLocalDate().atTime(h.closes()).atZone(ZONE)))
                .orElse(false);
    }

    /** The business day of {@code instant}. */
    public static LocalDate today(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The day after the business day of {@code instant}: where a search starts when none is asked for. */
    public static LocalDate tomorrow(Instant instant) {
        return today(instant).plusDays(1);
    }

    /** The first working day on or after {@code day}. */
    public static LocalDate firstWorkingDayFrom(LocalDate day) {
        LocalDate d = day;
        while (hours(d).isEmpty()) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Opening and closing time of a working day (local times). */
    public record Hours(LocalTime opens, LocalTime closes) {
    }
}
