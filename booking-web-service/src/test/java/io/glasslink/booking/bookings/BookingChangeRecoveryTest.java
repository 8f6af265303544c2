package io.glasslink.booking.bookings;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.support.FakeGateway.Fault;
import io.glasslink.booking.support.FakeGateway.Side;
import io.glasslink.booking.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cancels and reschedules stopped at every point between two steps (issue #13 D: the appointment cancelled in
 * planning while the booking stayed CONFIRMED and the part allocated): one on-prem side down, its answer lost after
 * it acted, or no answer before the read timeout, and this instance killed while it held the booking. Each ends
 * consistent once the recovery job runs with the link back: CANCELLED with the appointment cancelled and the part
 * released, moved, or the change refused and nothing changed.
 */
class BookingChangeRecoveryTest extends IntegrationTest {

    @Autowired
    BookingService service;
    @Autowired
    SagaRecoveryJob recovery;
    @Autowired
    Bookings bookings;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCancellationWithBothSidesReachableCancelsTheAppointmentReleasesThePartAndTellsTheLakeOnce() {
        Booking b = confirmed();
        Booking after = service.cancel(b);
        assertThat(after.status()).isEqualTo(BookingStatus.CANCELLED);
        assertCancelledEverywhere(b.reference());
        assertThat(cancelledEvents(b.reference())).isEqualTo(1);
    }

    @Test
    void planningDownBeforeTheCancelLeavesTheBookingCancellingWithNothingChangedThenRecoveryCancelsBoth() {
        Booking b = confirmed();
        GATEWAY.fault(Side.PLANNING, Fault.DOWN);
        Booking after = service.cancel(b);
        assertThat(after.status()).isEqualTo(BookingStatus.CANCELLING);
        assertThat(stored(b).step()).isEqualTo(SagaStep.CANCEL_SLOT);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CONFIRMED");
        assertThat(GATEWAY.state(b.holdId())).as("the part stays allocated until the appointment is cancelled")
                .isEqualTo("CONFIRMED");
        assertThat(cancelledEvents(b.reference())).isZero();

        recoverWithTheLinkBack();
        assertCancelledEverywhere(b.reference());
        assertThat(cancelledEvents(b.reference())).isEqualTo(1);
    }

    @Test
    void planningCancelledButItsAnswerWasLostThenRecoveryReleasesThePart() {
        Booking b = confirmed();
        GATEWAY.fault(Side.PLANNING, Fault.ANSWER_LOST);
        assertThat(service.cancel(b).status()).isEqualTo(BookingStatus.CANCELLING);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CANCELLED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("CONFIRMED");

        recoverWithTheLinkBack();
        assertCancelledEverywhere(b.reference());
    }

    @Test
    void supplyChainDownAfterTheAppointmentIsCancelledLeavesTheBookingCancellingThenRecoveryReleasesThePart() {
        Booking b = confirmed();
        GATEWAY.fault(Side.SUPPLY_CHAIN, Fault.DOWN);
        assertThat(service.cancel(b).status()).isEqualTo(BookingStatus.CANCELLING);
        assertThat(stored(b).step()).isEqualTo(SagaStep.RELEASE_PART);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CANCELLED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("CONFIRMED");

        recoverWithTheLinkBack();
        assertCancelledEverywhere(b.reference());
    }

    @Test
    void supplyChainReleasedThePartButDidNotAnswerInTimeThenRecoveryReleasesAgainAndEndsCancelled() {
        Booking b = confirmed();
        GATEWAY.fault(Side.SUPPLY_CHAIN, Fault.TIMEOUT);
        assertThat(service.cancel(b).status()).isEqualTo(BookingStatus.CANCELLING);
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("RELEASED");

        recoverWithTheLinkBack();
        assertCancelledEverywhere(b.reference());
        assertThat(cancelledEvents(b.reference())).isEqualTo(1);
    }

    @Test
    void anInstanceKilledWhileCancellingLeavesItsLeaseAndTheRecoveryFinishesOnceTheLeaseHasLapsed() {
        Booking b = confirmed();
        GATEWAY.fault(Side.SUPPLY_CHAIN, Fault.DOWN);
        service.cancel(b);
        // kill -9 in the middle of the next attempt: the lease it took is never given back
        assertThat(bookings.lease(b.reference(), Duration.ofSeconds(60))).isTrue();
        GATEWAY.fault(Side.SUPPLY_CHAIN, null);
        breakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
        recovery.recover();
        assertThat(stored(b).status()).as("another instance's lease is respected").isEqualTo(BookingStatus.CANCELLING);

        CLOCK.advance(Duration.ofSeconds(61));
        recovery.recover();
        assertCancelledEverywhere(b.reference());
    }

    @Test
    void aCancellationPlanningRefusesWhenTheLinkIsBackPutsTheBookingBackConfirmedWithThePartStillAllocated() {
        Booking b = confirmed();
        GATEWAY.fault(Side.PLANNING, Fault.DOWN);
        service.cancel(b);
        GATEWAY.refuseCancel(true);

        recoverWithTheLinkBack();
        Booking after = stored(b);
        assertThat(after.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(after.step()).isEqualTo(SagaStep.DONE);
        assertThat(after.change()).isNull();
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CONFIRMED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("CONFIRMED");
        assertThat(cancelledEvents(b.reference())).isZero();
    }

    @Test
    void aCancellationAcceptedInTimeButCompletedInsideTheNoticeAsksPlanningForAnOverride() {
        Booking b = confirmed();
        GATEWAY.fault(Side.PLANNING, Fault.DOWN);
        service.cancel(b);
        CLOCK.set(b.start().minusHours(10).toInstant());

        recoverWithTheLinkBack();
        assertCancelledEverywhere(b.reference());
        assertThat(GATEWAY.writes()).filteredOn(w -> w.contains("/appointments/" + b.appointmentId() + "/cancel"))
                .last().asString().contains("overrideReason");
    }

    @Test
    void aCancellationWithEnoughNoticeLeftAsksPlanningForNoOverride() {
        Booking b = confirmed();
        service.cancel(b);
        assertThat(GATEWAY.writes()).filteredOn(w -> w.contains("/cancel")).noneMatch(w -> w.contains("overrideReason"));
    }

    @Test
    void aMoveWithPlanningDownKeepsTheStartAndTheRecoveryMovesTheAppointment() {
        Booking b = confirmed();
        OffsetDateTime newStart = GATEWAY.slotStart(2, 9);
        GATEWAY.fault(Side.PLANNING, Fault.DOWN);
        Booking after = service.reschedule(b, newStart);
        assertThat(after.status()).isEqualTo(BookingStatus.RESCHEDULING);
        assertThat(stored(b).start()).isEqualTo(b.start());
        assertThat(stored(b).requestedStart()).isEqualTo(newStart);

        recoverWithTheLinkBack();
        Booking moved = stored(b);
        assertThat(moved.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(moved.start()).isEqualTo(newStart);
        assertThat(GATEWAY.appointmentStart(b.appointmentId())).isEqualTo(newStart);
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("CONFIRMED");
    }

    @Test
    void aMovePlanningMadeButWhoseAnswerWasLostIsRecordedByTheRecovery() {
        Booking b = confirmed();
        OffsetDateTime newStart = GATEWAY.slotStart(2, 9);
        GATEWAY.fault(Side.PLANNING, Fault.ANSWER_LOST);
        assertThat(service.reschedule(b, newStart).status()).isEqualTo(BookingStatus.RESCHEDULING);
        assertThat(GATEWAY.appointmentStart(b.appointmentId())).isEqualTo(newStart);

        recoverWithTheLinkBack();
        assertThat(stored(b).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stored(b).start()).isEqualTo(newStart);
    }

    @Test
    void aMovePlanningRefusesWhenTheLinkIsBackLeavesTheBookingConfirmedAtItsStart() {
        Booking b = confirmed();
        GATEWAY.fault(Side.PLANNING, Fault.DOWN);
        service.reschedule(b, GATEWAY.slotStart(2, 9));
        GATEWAY.refuseMove(true);

        recoverWithTheLinkBack();
        Booking after = stored(b);
        assertThat(after.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(after.start()).isEqualTo(b.start());
        assertThat(after.change()).isNull();
    }

    @Test
    void aMoveRefusedAtOnceIsReportedAndNothingChanges() {
        Booking b = confirmed();
        GATEWAY.refuseMove(true);
        assertThatThrownBy(() -> service.reschedule(b, GATEWAY.slotStart(2, 9)))
                .isInstanceOf(OnPremRejectedException.class);
        assertThat(stored(b).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stored(b).start()).isEqualTo(b.start());
    }

    @Test
    void aChangeWhileAnotherRequestHoldsTheBookingIsRefusedAsBusyAndChangesNothing() {
        Booking b = confirmed();
        assertThat(bookings.lease(b.reference(), Duration.ofSeconds(60))).isTrue();
        try {
            assertThatThrownBy(() -> service.cancel(b)).isInstanceOf(BookingBusyException.class);
            assertThat(stored(b).status()).isEqualTo(BookingStatus.CONFIRMED);
            assertThat(GATEWAY.writes()).noneMatch(w -> w.contains("/cancel"));
        } finally {
            bookings.unlease(b.reference());
        }
    }

    private Booking confirmed() {
        Booking b = service.book(BookingSagaTest.replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        return b;
    }

    private void recoverWithTheLinkBack() {
        GATEWAY.fault(Side.PLANNING, null);
        GATEWAY.fault(Side.SUPPLY_CHAIN, null);
        breakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
        recovery.recover();
    }

    private void assertCancelledEverywhere(String reference) {
        Booking b = bookings.byReference(reference).orElseThrow();
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.step()).isEqualTo(SagaStep.DONE);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CANCELLED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("RELEASED");
    }

    private Booking stored(Booking b) {
        return bookings.byReference(b.reference()).orElseThrow();
    }

    private int cancelledEvents(String reference) {
        return jdbc.sql("select count(*) from event_publication where event_type like '%BookingCancelled' "
                        + "and serialized_event like ?")
                .param("%" + reference + "%").query(Integer.class).single();
    }
}
