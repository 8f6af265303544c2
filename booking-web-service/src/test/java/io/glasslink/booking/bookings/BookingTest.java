package io.glasslink.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    static Booking replacementAt(OffsetDateTime start) {
        return Booking.request("GL-TEST0001", new BookingDetails(BookingDetails.Channel.WEB, null,
                JobType.WINDSCREEN_REPLACEMENT, true, "WS-1", "C001", Mode.CENTRE, "01000", start,
                new BookingDetails.Vehicle("Renault", "Clio", 2020, "AB-123-CD"),
                new BookingDetails.Customer("Ada", "ada@example.com", "0601020304", true)), NOW);
    }

    static OffsetDateTime inHours(long hours) {
        return NOW.plus(Duration.ofHours(hours)).atOffset(ZoneOffset.UTC);
    }

    @Test
    void replacementIsConfirmedOnlyOnceSlotAndPartAreHeld() {
        Booking b = replacementAt(inHours(72));
        b.slotHeld("A-1", inHours(74));
        assertThatThrownBy(b::held).isInstanceOf(IllegalStateException.class);
        b.partHeld("H-1");
        b.held();
        b.confirmed();
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
    }

    @Test
    void refusedHoldCompensatesThenFails() {
        Booking b = replacementAt(inHours(72));
        b.slotHeld("A-1", inHours(74));
        b.compensate(FailureReason.PART_GONE);
        assertThat(b.step()).isEqualTo(SagaStep.COMPENSATING);
        b.failed();
        assertThat(b.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(b.failureReason()).isEqualTo(FailureReason.PART_GONE);
    }

    @Test
    void unreachableBackOfficeMakesTheBookingPendingWithoutLeavingItsStep() {
        Booking b = replacementAt(inHours(72));
        b.pending();
        assertThat(b.status()).isEqualTo(BookingStatus.PENDING);
        assertThat(b.step()).isEqualTo(SagaStep.HOLDING);
    }

    @Test
    void confirmedBookingCannotBeCancelledWithinTheNotice() {
        Booking b = confirmed(inHours(10));
        assertThatThrownBy(() -> b.cancel(NOW, 24)).isInstanceOf(NoticePolicyException.class);
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void confirmedBookingCanBeCancelledWithEnoughNotice() {
        Booking b = confirmed(inHours(48));
        b.cancel(NOW, 24);
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void pendingBookingCanBeCancelledAnytimeAndItsSagaStops() {
        Booking b = replacementAt(inHours(2));
        b.pending();
        b.cancel(NOW, 24);
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
    }

    @Test
    void onlyConfirmedBookingsCanBeRescheduled() {
        Booking b = replacementAt(inHours(72));
        assertThatThrownBy(() -> b.checkReschedulable(NOW, 24)).isInstanceOf(BookingStateException.class);
    }

    @Test
    void failedBookingCannotBeCancelled() {
        Booking b = replacementAt(inHours(72));
        b.compensate(FailureReason.SLOT_GONE);
        b.failed();
        assertThatThrownBy(() -> b.cancel(NOW, 24)).isInstanceOf(BookingStateException.class);
    }

    @Test
    void referencesAreReadableAndDistinct() {
        assertThat(BookingReferences.next()).matches("GL-[0-9A-HJKMNP-TV-Z]{8}").isNotEqualTo(BookingReferences.next());
    }

    private static Booking confirmed(OffsetDateTime start) {
        Booking b = replacementAt(start);
        b.slotHeld("A-1", start.plusMinutes(90));
        b.partHeld("H-1");
        b.held();
        b.confirmed();
        return b;
    }
}
