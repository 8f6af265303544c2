package io.glasslink.supplychain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of the network: every day but Sundays and French public holidays (the eleven
 * national ones, Easter Monday, Ascension Day and Whit Monday included). Holidays are computed,
 * and cached per year.
 */
public final class BusinessCalendar {

    /** The business time zone of the whole network. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    private final Map<Integer, Set<LocalDate>> movableHolidays = new ConcurrentHashMap<>();
    private final Map<Integer, ClosedDays> closedDays = new ConcurrentHashMap<>();
    private volatile ClosedDays lastYear = new ClosedDays(Integer.MIN_VALUE, new boolean[0]);

    /** Whether {@code date} is a French public holiday. */
    public boolean isPublicHoliday(LocalDate date) {
        return FIXED_HOLIDAYS.contains(MonthDay.from(date))
                || movableHolidays.computeIfAbsent(date.getYear(), BusinessCalendar::easterBasedHolidays).contains(date);
    }

    /** Whether centres are open and trucks run on {@code date}. */
    public boolean isWorkingDay(LocalDate date) {
        ClosedDays closed = lastYear;
        if (closed.year != date.getYear()) {
            closed = closedDays.computeIfAbsent(date.getYear(), this::closedDaysOf);
            lastYear = closed;
        }
        return !closed.byDayOfYear[date.getDayOfYear()];
    }

    // an availability answer asks about dozens of days per centre: a table per year, and the year last
    // asked about at hand, instead of a holiday computation and a map look-up per day
    private ClosedDays closedDaysOf(int year) {
        boolean[] closed = new boolean[367];
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            closed[d.getDayOfYear()] = d.getDayOfWeek() == DayOfWeek.SUNDAY || isPublicHoliday(d);
        }
        return new ClosedDays(year, closed);
    }

    /** Sundays and public holidays of one year, by day of the year (1-based). */
    private record ClosedDays(int year, boolean[] byDayOfYear) {
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code date} itself when it is a working day, otherwise the next one. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /** The date {@code days} working days after {@code date} (closed days are not counted). */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate d = date;
        for (int i = 0; i < days; i++) {
            d = nextWorkingDay(d);
        }
        return d;
    }

    /** Easter Sunday of {@code year} (Gregorian calendar, anonymous algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static Set<LocalDate> easterBasedHolidays(int year) {
        LocalDate easter = easterSunday(year);
        return Set.of(easter.plusDays(1), easter.plusDays(39), easter.plusDays(50));
    }
}
