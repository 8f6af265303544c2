package io.glasslink.supplychain.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessCalendarTest {

    final BusinessCalendar calendar = new BusinessCalendar();

    @ParameterizedTest
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25"})
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

    @Test
    void sundaysAreClosedAndSaturdaysOpen() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 6))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isTrue();
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 12, 6))).isFalse();
    }

    @Test
    void workingDaysSkipSundaysAndHolidays() {
        // Thursday 24 Dec 2026 + 1 → Saturday 26 (Christmas skipped); + 2 → Monday 28 (Sunday skipped)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 24), 2)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(calendar.workingDayOnOrAfter(LocalDate.of(2026, 12, 25))).isEqualTo(LocalDate.of(2026, 12, 26));
    }
}
