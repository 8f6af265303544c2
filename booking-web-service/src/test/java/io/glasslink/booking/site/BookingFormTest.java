package io.glasslink.booking.site;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The vehicle step takes model years from 1950 to next year, next year being judged on the Paris calendar. */
class BookingFormTest {

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void nextYearsModelIsAcceptedAndTheYearAfterIsNot(NamedDate date) {
        TestClock clock = TestClock.startingAt(date.instant());
        int next = date.day().getYear() + 1;
        assertThat(yearError(next, clock)).isNull();
        assertThat(yearError(next + 1, clock)).isEqualTo("error.year");
        assertThat(yearError(1950, clock)).isNull();
        assertThat(yearError(1949, clock)).isEqualTo("error.year");
    }

    @Test
    void onNewYearsEveTheBoundMovesAtMidnightInParisNotInUtc() {
        TestClock clock = TestClock.startingAt(NamedDates.NEW_YEARS_EVE.instant());
        assertThat(yearError(2027, clock)).isNull();
        assertThat(yearError(2028, clock)).isEqualTo("error.year");
        // 00:30 on 1 January in Paris is still 31 December in UTC
        Instant halfPastMidnight = OffsetDateTime.parse("2027-01-01T00:30:00+01:00").toInstant();
        clock.set(halfPastMidnight);
        assertThat(yearError(2028, clock)).isNull();
    }

    private static String yearError(int year, TestClock clock) {
        BookingForm form = new BookingForm();
        form.setMake("Renault");
        form.setModel("Clio");
        form.setYear(year);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        form.validate(BookingForm.Step.VEHICLE, errors, clock);
        return errors.getFieldError("year") == null ? null : errors.getFieldError("year").getCode();
    }
}
