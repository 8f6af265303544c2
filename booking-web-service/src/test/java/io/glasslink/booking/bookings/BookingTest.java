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
        assertThatThrownBy(() -> b.requestCancel(NOW, 24)).isInstanceOf(NoticePolicyException.class);
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.change()).isNull();
    }

    @Test
    void aCancellationWithEnoughNoticeCancelsTheAppointmentFirstThenReleasesThePart() {
        Booking b = confirmed(inHours(48));
        b.requestCancel(NOW, 24);
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLING);
        assertThat(b.step()).isEqualTo(SagaStep.CANCEL_SLOT);
        b.slotCancelled();
        assertThat(b.step()).isEqualTo(SagaStep.RELEASE_PART);
        b.partReleased();
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
    }

    @Test
    void aCancellationPlanningRefusesPutsTheBookingBackAsItWas() {
        Booking b = confirmed(inHours(48));
        b.requestCancel(NOW, 24);
        b.cancelRefused();
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
        assertThat(b.change()).isNull();
    }

    @Test
    void aMoveKeepsTheStartUntilPlanningHasMovedTheAppointment() {
        Booking b = confirmed(inHours(48));
        OffsetDateTime later = inHours(72);
        b.requestReschedule(later, NOW, 24);
        assertThat(b.status()).isEqualTo(BookingStatus.RESCHEDULING);
        assertThat(b.start()).isEqualTo(inHours(48));
        assertThat(b.requestedStart()).isEqualTo(later);
        b.moved(later, later.plusMinutes(90));
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.start()).isEqualTo(later);
        assertThat(b.change()).isNull();
    }

    @Test
    void aChangeCompletedInsideTheNoticeAsksPlanningForAnOverrideOnlyWhenItWasAcceptedInTime() {
        Booking b = confirmed(inHours(48));
        b.requestCancel(NOW, 24);
        assertThat(b.noticeOverride(NOW, 24)).isNull();
        assertThat(b.noticeOverride(NOW.plus(java.time.Duration.ofHours(30)), 24)).contains("accepted by booking-web");
    }

    @Test
    void pendingBookingCanBeCancelledAnytimeAndItsSagaStops() {
        Booking b = replacementAt(inHours(2));
        b.pending();
        b.requestCancel(NOW, 24);
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
    }

    @Test
    void onlyConfirmedBookingsCanBeRescheduled() {
        Booking b = replacementAt(inHours(72));
        assertThatThrownBy(() -> b.requestReschedule(inHours(96), NOW, 24)).isInstanceOf(BookingStateException.class);
    }

    @Test
    void failedBookingCannotBeCancelled() {
        Booking b = replacementAt(inHours(72));
        b.compensate(FailureReason.SLOT_GONE);
        b.failed();
        assertThatThrownBy(() -> b.requestCancel(NOW, 24)).isInstanceOf(BookingStateException.class);
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
