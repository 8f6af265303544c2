package io.glasslink.planning.workforce;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** One working period of a weekly pattern (a day has several; the gaps are breaks), valid over a date range. */
public record WorkPattern(DayOfWeek day, LocalTime starts, LocalTime ends, LocalDate validFrom, LocalDate validTo) {

    /** Whether this period applies on {@code date}. */
    public boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek() == day && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
