package io.glasslink.datahub.lake;

import java.time.OffsetDateTime;
import java.util.Map;

import io.glasslink.datahub.contracts.EventType;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Lake partitions are the event time's UTC date and hour (docs/contracts.md, "Data lake"), whatever Paris's offset. */
class LakeLayoutTest {

    private static final EventType BOOKING_CONFIRMED = EventType.parse("io.glasslink.booking.BookingConfirmed.v1").orElseThrow();
    private static final LakeLayout LAYOUT = new LakeLayout("raw");

    // each named moment (Paris time, with its offset) and the UTC partition its events land in
    private static final Map<String, String> EXPECTED = Map.of(
            NamedDates.SATURDAY.name(), "dt=2026-12-05/hr=09",
            NamedDates.SATURDAY_EVENING.name(), "dt=2026-12-05/hr=21",
            NamedDates.SUNDAY.name(), "dt=2026-12-06/hr=14",
            NamedDates.CHRISTMAS_EVE.name(), "dt=2026-12-24/hr=10",
            NamedDates.VICTORY_DAY_EVE.name(), "dt=2027-05-07/hr=09",
            NamedDates.DST_SPRING_EVE.name(), "dt=2026-03-28/hr=15",
            NamedDates.DST_SPRING.name(), "dt=2026-03-29/hr=00",
            NamedDates.DST_AUTUMN_EVE.name(), "dt=2026-10-24/hr=14",
            NamedDates.DST_AUTUMN.name(), "dt=2026-10-25/hr=00",
            NamedDates.NEW_YEARS_EVE.name(), "dt=2026-12-31/hr=22");

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void anEventLandsInTheUtcDateAndHourOfItsTime(NamedDate date) {
        assertThat(LAYOUT.folder(BOOKING_CONFIRMED, date.instant()))
                .isEqualTo("raw/booking/BookingConfirmed.v1/" + EXPECTED.get(date.name()) + "/");
    }

    @Test
    void theTwoParisHoursOfTheAutumnChangeLandInTwoUtcHours() {
        assertThat(LAYOUT.folder(BOOKING_CONFIRMED, OffsetDateTime.parse("2026-10-25T02:30:00+02:00").toInstant()))
                .endsWith("/dt=2026-10-25/hr=00/");
        assertThat(LAYOUT.folder(BOOKING_CONFIRMED, OffsetDateTime.parse("2026-10-25T02:30:00+01:00").toInstant()))
                .endsWith("/dt=2026-10-25/hr=01/");
    }

    @Test
    void theFirstParisHourOfTheYearStillLandsOnTheLastUtcDayOfTheOldOne() {
        assertThat(LAYOUT.folder(BOOKING_CONFIRMED, OffsetDateTime.parse("2027-01-01T00:30:00+01:00").toInstant()))
                .endsWith("/dt=2026-12-31/hr=23/");
        assertThat(LAYOUT.folder(BOOKING_CONFIRMED, OffsetDateTime.parse("2027-01-01T01:00:00+01:00").toInstant()))
                .endsWith("/dt=2027-01-01/hr=00/");
    }
}
