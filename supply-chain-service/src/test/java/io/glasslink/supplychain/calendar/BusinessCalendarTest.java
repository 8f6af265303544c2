package io.glasslink.supplychain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    final BusinessCalendar calendar = new BusinessCalendar();

    @ParameterizedTest
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2028,2028-04-16",
            "2029,2029-04-01", "2030,2030-04-21", "2038,2038-04-25", "2049,2049-04-18", "2095,2095-04-24"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(BusinessCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
            "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"})
    void knowsTheElevenFrenchPublicHolidaysIncludingEasterBasedOnes(LocalDate holiday) {
        assertThat(calendar.isPublicHoliday(holiday)).isTrue();
        assertThat(calendar.isWorkingDay(holiday)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // 2027: Easter 28 March
            "2027-01-01, true", "2027-03-29, true", "2027-05-01, true", "2027-05-06, true", "2027-05-08, true",
            "2027-05-17, true", "2027-07-14, true", "2027-08-16, false", "2027-11-11, true", "2027-12-25, true",
            "2027-04-06, false",
            // 2030: Easter 21 April
            "2030-04-22, true", "2030-05-30, true", "2030-06-10, true", "2030-04-01, false",
            // 2041: Easter 21 April, far beyond any year the service started in
            "2041-04-22, true", "2041-05-30, true", "2041-06-10, true", "2041-12-25, true"})
    void holidaysOfLaterYearsAreComputedByRule(LocalDate day, boolean holiday) {
        assertThat(calendar.isPublicHoliday(day)).as("%s is a holiday", day).isEqualTo(holiday);
        assertThat(calendar.isWorkingDay(day)).as("%s is a working day", day)
                .isEqualTo(!holiday && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    @ParameterizedTest
    @ValueSource(ints = {2026, 2027, 2028, 2035, 2050, 2099})
    void everyDayOfAYearIsClosedExactlyOnSundaysAndTheElevenHolidays(int year) {
        LocalDate easter = BusinessCalendar.easterSunday(year);
        Set<LocalDate> movable = Set.of(easter.plusDays(1), easter.plusDays(39), easter.plusDays(50));
        Set<MonthDay> fixed = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
                MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));
        int closed = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean expectedClosed = d.getDayOfWeek() == DayOfWeek.SUNDAY || movable.contains(d)
                    || fixed.contains(MonthDay.from(d));
            assertThat(calendar.isWorkingDay(d)).as("%s", d).isEqualTo(!expectedClosed);
            closed += expectedClosed ? 1 : 0;
        }
        assertThat(closed).isBetween(52 + 5, 53 + 11);
    }

    @Test
    void answersStayRightWhenQuestionsJumpBetweenYears() {
        // the year last asked about is kept at hand: alternating years must not mix their tables
        for (int i = 0; i < 3; i++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse(); // Easter Monday 2026
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 6))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 29))).isFalse(); // Easter Monday 2027
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 30))).isTrue();
        }
    }

    @Test
    void sundaysAreClosedAndSaturdaysOpen() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 12, 6))).isFalse();
    }

    @Test
    void workingDaysSkipSundaysHolidaysAndTheTurnOfTheYear() {
        // Thursday 24 Dec 2026 + 1 → Saturday 26 (Christmas skipped); + 2 → Monday 28 (Sunday skipped)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.workingDayOnOrAfter(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 26));
        // Thursday 31 Dec 2026 → Friday 1 Jan 2027 is closed → Saturday 2
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 2));
        // Friday 31 Dec 2027 → Saturday 1 Jan 2028 closed, Sunday 2 closed → Monday 3
        assertThat(calendar.nextWorkingDay(LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2028, 1, 3));
    }
}
