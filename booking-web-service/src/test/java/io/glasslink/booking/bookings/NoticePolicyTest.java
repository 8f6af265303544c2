package io.glasslink.booking.bookings;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import io.glasslink.testsupport.NamedDates;
import io.glasslink.testsupport.NamedDates.NamedDate;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notice policy counts elapsed hours, not wall-clock time: "the same time tomorrow" is 23 hours away across the
 * spring change (refused) and 25 hours across the autumn change (allowed).
 */
class NoticePolicyTest {

    /** The named moments where the same wall-clock time on the next day is less than 24 hours away. */
    static final Set<String> SHORT_DAY = Set.of(NamedDates.DST_SPRING_EVE.name(), NamedDates.DST_SPRING.name());

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void aConfirmedBookingAtTheSameTimeTomorrowCanBeCancelledOnlyWhenThatIsAFullDayAway(NamedDate date) {
        ZonedDateTime sameTimeTomorrow = date.at().atZoneSameInstant(TestClock.PARIS).plusDays(1);
        Booking booking = confirmed(sameTimeTomorrow);
        if (SHORT_DAY.contains(date.name())) {
            assertThatThrownBy(() -> booking.requestCancel(date.instant(), 24)).isInstanceOf(NoticePolicyException.class);
            assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        } else {
            booking.requestCancel(date.instant(), 24);
            assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLING);
        }
    }

    @ParameterizedTest
    @MethodSource("io.glasslink.testsupport.NamedDates#all")
    void aBookingStartingOneMinuteInsideTheNoticeCannotBeMoved(NamedDate date) {
        Booking booking = confirmed(date.at().atZoneSameInstant(TestClock.PARIS).plusHours(24).minusMinutes(1));
        OffsetDateTime elsewhere = date.at().plusDays(3);
        assertThatThrownBy(() -> booking.requestReschedule(elsewhere, date.instant(), 24))
                .isInstanceOf(NoticePolicyException.class);
        Booking later = confirmed(date.at().atZoneSameInstant(TestClock.PARIS).plusHours(24));
        later.requestReschedule(elsewhere, date.instant(), 24);
        assertThat(later.status()).isEqualTo(BookingStatus.RESCHEDULING);
    }

    private static Booking confirmed(ZonedDateTime start) {
        Booking b = Booking.request("GL-NOTICE01", new BookingDetails(BookingDetails.Channel.WEB, null,
                JobType.CHIP_REPAIR, false, null, "C001", Mode.CENTRE, null, start.toOffsetDateTime(),
                new BookingDetails.Vehicle("Renault", "Clio", 2020, null),
                new BookingDetails.Customer("Ada", "ada@example.com", "0601020304", true)), start.toInstant().minusSeconds(86_400 * 7));
        b.slotHeld("A-1", start.plusMinutes(30).toOffsetDateTime());
        b.held();
        b.confirmed();
        return b;
    }
}
