package io.glasslink.planning.workforce;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchHolidaysTest {

    @Test
    void easterMovesTheEasterMondayAscensionAndWhitMondayHolidays() {
        assertThat(FrenchHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(FrenchHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 4, 6))).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 14))).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 5, 25))).isTrue();
    }

    @Test
    void fixedHolidaysAreHolidaysAndOrdinaryDaysAreNot() {
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 7, 14))).isTrue();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2026, 12, 1))).isFalse();
    }
}
