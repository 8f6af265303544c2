package io.glasslink.booking.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import io.glasslink.testsupport.NamedDates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The network's working calendar: planning-service's patterns, French public holidays, Paris local time. */
class NetworkCalendarTest {

    @Test
    void weekdaysRunFromEightToSixSaturdaysFromNineToHalfPastTwelveSundaysNotAtAll() {
        assertThat(NetworkCalendar.hours(LocalDate.parse("2026-12-09")))
                .contains(new NetworkCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
        assertThat(NetworkCalendar.hours(NamedDates.SATURDAY.day()))
                .contains(new NetworkCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(12, 30)));
        assertThat(NetworkCalendar.hours(NamedDates.SUNDAY.day())).isEmpty();
    }

    @Test
    void nobodyWorksOnFixedOrMovingPublicHolidays() {
        for (String holiday : new String[] {"2026-12-25", "2027-01-01", "2027-05-08", "2027-05-01", "2026-07-14",
                "2027-03-29" /* Easter Monday */, "2027-05-06" /* Ascension */, "2027-05-17" /* Whit Monday */}) {
            assertThat(NetworkCalendar.hours(LocalDate.parse(holiday))).as(holiday).isEmpty();
        }
        assertThat(NetworkCalendar.hours(NamedDates.CHRISTMAS_EVE.day())).isPresent();
        assertThat(NetworkCalendar.hours(NamedDates.VICTORY_DAY_EVE.day())).isPresent();
        assertThat(FrenchHolidays.easterSunday(2027)).isEqualTo(LocalDate.parse("2027-03-28"));
        assertThat(FrenchHolidays.easterSunday(2026)).isEqualTo(LocalDate.parse("2026-04-05"));
    }

    @Test
    void theNextWorkingDaySkipsSundaysAndHolidays() {
        assertThat(NetworkCalendar.firstWorkingDayFrom(NamedDates.SUNDAY.day())).isEqualTo("2026-12-07");
        assertThat(NetworkCalendar.firstWorkingDayFrom(LocalDate.parse("2026-12-25"))).isEqualTo("2026-12-26");
        // 8 May 2027 is a Saturday and a holiday, then comes a Sunday
        assertThat(NetworkCalendar.firstWorkingDayFrom(LocalDate.parse("2027-05-08"))).isEqualTo("2027-05-10");
        assertThat(NetworkCalendar.firstWorkingDayFrom(LocalDate.parse("2027-01-01"))).isEqualTo("2027-01-02");
    }

    @Test
    void tomorrowIsTheParisDayAfterEvenWhenUtcIsStillOnTheDayBefore() {
        assertThat(NetworkCalendar.tomorrow(NamedDates.NEW_YEARS_EVE.instant())).isEqualTo("2027-01-01");
        // 00:30 in Paris on 1 January is 23:30 UTC on 31 December
        assertThat(NetworkCalendar.tomorrow(OffsetDateTime.parse("2027-01-01T00:30:00+01:00").toInstant()))
                .isEqualTo("2027-01-02");
    }

    @Test
    void aJobFitsOnlyInsideItsDaysHoursInParisTime() {
        Duration replacement = Duration.ofMinutes(135);
        assertThat(NetworkCalendar.fits(at("2026-12-09T08:00:00+01:00"), replacement)).isTrue();
        assertThat(NetworkCalendar.fits(at("2026-12-09T15:45:00+01:00"), replacement)).isTrue();
        assertThat(NetworkCalendar.fits(at("2026-12-09T15:46:00+01:00"), replacement)).isFalse();
        assertThat(NetworkCalendar.fits(at("2026-12-09T07:00:00Z"), replacement)).isTrue();
        assertThat(NetworkCalendar.fits(at("2026-12-09T06:59:00Z"), replacement)).isFalse();
        assertThat(NetworkCalendar.fits(at("2026-12-05T10:30:00+01:00"), replacement)).isFalse();
        assertThat(NetworkCalendar.fits(at("2026-12-06T10:00:00+01:00"), Duration.ofMinutes(30))).isFalse();
        // after the spring change 08:00 in Paris is 06:00 UTC
        assertThat(NetworkCalendar.fits(at("2026-03-30T06:00:00Z"), replacement)).isTrue();
        assertThat(NetworkCalendar.fits(at("2026-03-27T06:00:00Z"), replacement)).isFalse();
    }

    private static ZonedDateTime at(String time) {
        return OffsetDateTime.parse(time).toZonedDateTime();
    }
}
