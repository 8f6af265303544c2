package io.glasslink.booking.bookings;

import java.util.ArrayList;
import java.util.List;

import io.glasslink.booking.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga against a real HTTP on-prem (scripted), with real PostgreSQL: outcomes, outages, crashes. */
class BookingSagaTest extends IntegrationTest {

    @Autowired
    BookingService service;
    @Autowired
    BookingSaga saga;
    @Autowired
    SagaRecoveryJob recovery;
    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;

    static BookingDetails replacement() {
        return BookingSagaTestSupport.replacementAt(GATEWAY.slotStart(1, 14));
    }

    @Test
    void holdsSlotAndPartThenConfirmsBoth() {
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CONFIRMED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("CONFIRMED");
        assertThat(b.end()).isNotNull();
    }

    @Test
    void refusedSlotReleasesThePartAndFailsPlainly() {
        GATEWAY.refuseSlot(true);
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(b.failureReason()).isEqualTo(FailureReason.SLOT_GONE);
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("RELEASED");
    }

    @Test
    void refusedPartCancelsTheHeldSlot() {
        GATEWAY.refusePart(true);
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(b.failureReason()).isEqualTo(FailureReason.PART_GONE);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CANCELLED");
    }

    @Test
    void expiredHoldAtConfirmationCompensates() {
        GATEWAY.refuseConfirm(true);
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(b.failureReason()).isEqualTo(FailureReason.HOLD_EXPIRED);
        assertThat(GATEWAY.state(b.appointmentId())).isEqualTo("CANCELLED");
        assertThat(GATEWAY.state(b.holdId())).isEqualTo("RELEASED");
    }

    @Test
    void slotAndPartAreHeldInParallelWithTheBookingReferenceAsIdempotencyKey() {
        GATEWAY.delay(200);
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        // slot and part calls overlap on the wire
        assertThat(GATEWAY.maxConcurrentCalls()).isEqualTo(2);
        assertThat(b.holdId()).isEqualTo("H-" + b.reference());
        assertThat(b.appointmentId()).isEqualTo("A-" + b.reference());
    }

    @Test
    void bookingsTakenWhileTheLinkIsDownArePendingAndAllEndConfirmedOrFailedOnceItIsBack() {
        GATEWAY.linkDown(true);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Booking b = service.book(replacement());
            assertThat(b.status()).isEqualTo(BookingStatus.PENDING);
            refs.add(b.reference());
        }
        recovery.recover();
        assertThat(refs).allSatisfy(r -> assertThat(bookings.byReference(r).orElseThrow().status())
                .isEqualTo(BookingStatus.PENDING));

        GATEWAY.linkDown(false);
        resetBreakers();
        recovery.recover();
        assertThat(refs).allSatisfy(r -> assertThat(bookings.byReference(r).orElseThrow().status())
                .isIn(BookingStatus.CONFIRMED, BookingStatus.FAILED));
        assertThat(refs).allSatisfy(r -> assertThat(bookings.byReference(r).orElseThrow().status())
                .isEqualTo(BookingStatus.CONFIRMED));
    }

    @Test
    void pendingBookingWhoseSlotIsGoneWhenTheLinkReturnsFailsExplicitly() {
        GATEWAY.linkDown(true);
        Booking b = service.book(replacement());
        assertThat(b.status()).isEqualTo(BookingStatus.PENDING);
        GATEWAY.linkDown(false);
        GATEWAY.refuseSlot(true);
        resetBreakers();
        recovery.recover();
        Booking after = bookings.byReference(b.reference()).orElseThrow();
        assertThat(after.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(after.failureReason()).isEqualTo(FailureReason.SLOT_GONE);
        assertThat(GATEWAY.state(after.holdId())).isEqualTo("RELEASED");
    }

    @Test
    void crashAfterBothHoldsIsResumedByRecoveryWhichConfirms() {
        String ref = crashedAt(SagaStep.CONFIRMING, null);
        recovery.recover();
        Booking b = bookings.byReference(ref).orElseThrow();
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(GATEWAY.state("A-" + ref)).isEqualTo("CONFIRMED");
        assertThat(GATEWAY.state("H-" + ref)).isEqualTo("CONFIRMED");
    }

    @Test
    void crashDuringCompensationIsFinishedByRecoveryWhichReleasesEverything() {
        String ref = crashedAt(SagaStep.COMPENSATING, FailureReason.PART_GONE);
        recovery.recover();
        Booking b = bookings.byReference(ref).orElseThrow();
        assertThat(b.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(GATEWAY.state("A-" + ref)).isEqualTo("CANCELLED");
        assertThat(GATEWAY.state("H-" + ref)).isEqualTo("RELEASED");
    }

    @Test
    void crashBeforeAnyHoldIsResumedWithTheSameIdempotencyKeys() {
        String ref = crashedAt(SagaStep.HOLDING, null);
        jdbc.sql("update booking set appointment_id = null, hold_id = null where reference = ?").param(ref).update();
        recovery.recover();
        Booking b = bookings.byReference(ref).orElseThrow();
        assertThat(b.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(b.appointmentId()).isEqualTo("A-" + ref);
    }

    @Test
    void sagaLeasedByAnotherWorkerIsLeftAlone() {
        String ref = crashedAt(SagaStep.CONFIRMING, null);
        assertThat(bookings.lease(ref, java.time.Duration.ofMinutes(1))).isTrue();
        saga.advance(ref);
        assertThat(bookings.byReference(ref).orElseThrow().status()).isEqualTo(BookingStatus.REQUESTED);
        bookings.unlease(ref);
    }

    /** A booking as a crashed instance left it: holds taken on-prem (if any), state stored up to {@code step}. */
    private String crashedAt(SagaStep step, FailureReason reason) {
        GATEWAY.linkDown(false);
        Booking b = Booking.request(BookingReferences.next(), replacement(), CLOCK.instant());
        bookings.add(b);
        // take the holds on-prem the way the crashed instance did
        service.find(b.reference());
        String ref = b.reference();
        org.springframework.web.client.RestClient http = org.springframework.web.client.RestClient.builder()
                .baseUrl(GATEWAY.url()).defaultHeader("X-API-Key", "dev-booking-web-key").build();
        http.post().uri("/onprem/planning/api/v1/appointments").header("Idempotency-Key", ref)
                .body(java.util.Map.of("centreId", "C326", "mode", "CENTRE", "start", b.start().toString()))
                .retrieve().toBodilessEntity();
        http.post().uri("/onprem/supply-chain/api/v1/holds").header("Idempotency-Key", ref)
                .body(java.util.Map.of("partNumber", "WS-RENAULT-CLIO-5", "centreId", "C326"))
                .retrieve().toBodilessEntity();
        jdbc.sql("update booking set saga_step = ?, appointment_id = ?, hold_id = ?, failure_reason = ?, "
                        + "updated_at = ? where reference = ?")
                .params(step.name(), "A-" + ref, "H-" + ref, reason == null ? null : reason.name(),
                        java.sql.Timestamp.from(CLOCK.instant().minusSeconds(60)), ref).update();
        return ref;
    }

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers;

    private void resetBreakers() {
        breakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
    }
}
