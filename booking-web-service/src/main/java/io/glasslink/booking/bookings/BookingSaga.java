package io.glasslink.booking.bookings;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.glasslink.booking.bookings.BookingEvents.BookingCancelled;
import io.glasslink.booking.bookings.BookingEvents.BookingConfirmed;
import io.glasslink.booking.bookings.BookingEvents.BookingEvent;
import io.glasslink.booking.bookings.BookingEvents.BookingFailed;
import io.glasslink.booking.bookings.BookingEvents.BookingRescheduled;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.config.BookingProperties;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import io.glasslink.booking.onprem.Planning;
import io.glasslink.booking.onprem.SupplyChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orchestrated booking saga: hold slot and part in parallel, confirm both, or release what was
 * held; and the changes of a booking, cancel (cancel the appointment, then release the part) and
 * reschedule (move the appointment), stored as an intent before anything is asked on-prem. The state is
 * stored after every step, so {@link #advance} can be called again at any time (by the request, or by
 * the recovery job after a crash or an outage) and resumes where it stopped. Every on-prem call is
 * idempotent (the booking reference as idempotency key for holds; cancel, release and move of the same
 * id answer the same when repeated).
 */
@Service
public class BookingSaga {

    private static final Logger log = LoggerFactory.getLogger(BookingSaga.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final Bookings bookings;
    private final SupplyChain supplyChain;
    private final Planning planning;
    private final ExecutorService executor;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final BookingProperties props;
    private final Clock clock;
    private final BookingOutcomes outcomes;

    public BookingSaga(Bookings bookings, SupplyChain supplyChain, Planning planning,
                       @Qualifier("onPremExecutor") ExecutorService executor, TransactionTemplate tx,
                       ApplicationEventPublisher events, BookingProperties props, Clock clock,
                       BookingOutcomes outcomes) {
        this.clock = clock;
        this.outcomes = outcomes;
        this.bookings = bookings;
        this.supplyChain = supplyChain;
        this.planning = planning;
        this.executor = executor;
        this.tx = tx;
        this.events = events;
        this.props = props;
    }

    /** Moves a booking's saga as far as it can go now; returns the booking as it then stands. */
    public Booking advance(String reference) {
        if (!bookings.lease(reference, LEASE)) {
            return bookings.byReference(reference).orElseThrow();
        }
        try {
            Booking booking = bookings.byReference(reference).orElseThrow();
            drive(booking);
            return booking;
        } finally {
            bookings.unlease(reference);
        }
    }

    /**
     * Accepts a change of a booking ({@code intent}: {@link Booking#requestCancel} or {@link Booking#requestReschedule},
     * which check the booking's state and the notice policy), stores it, then drives it on-prem as far as it goes now.
     * Returns the booking as it then stands: CANCELLED or moved, or still CANCELLING/RESCHEDULING while on-prem cannot
     * be reached (the recovery job finishes it).
     *
     * @throws BookingBusyException while another request or the recovery job holds the booking
     * @throws io.glasslink.booking.onprem.OnPremRejectedException when planning refused the change (it is undone)
     */
    public Booking change(String reference, Consumer<Booking> intent) {
        if (!bookings.lease(reference, LEASE)) {
            throw new BookingBusyException(reference);
        }
        try {
            Booking booking = bookings.byReference(reference).orElseThrow();
            intent.accept(booking);
            save(booking, booking.status() == BookingStatus.CANCELLED ? cancelled(booking) : null);
            drive(booking);
            return booking;
        } finally {
            bookings.unlease(reference);
        }
    }

    private void drive(Booking b) {
        try {
            while (b.step() != SagaStep.DONE) {
                switch (b.step()) {
                    case HOLDING -> hold(b);
                    case CONFIRMING -> confirm(b);
                    case COMPENSATING -> compensate(b);
                    case CANCEL_SLOT -> cancelSlot(b);
                    case RELEASE_PART -> releasePart(b);
                    case MOVE_SLOT -> moveSlot(b);
                    default -> throw new IllegalStateException(b.step().name());
                }
            }
        } catch (OnPremUnavailableException e) {
            log.info("booking {} waits for on-prem ({}): {}", b.reference(), b.step(), e.getMessage());
            boolean firstWait = b.status() == BookingStatus.REQUESTED;
            b.pending();
            save(b, null);
            if (firstWait) {
                outcomes.record(b);
            }
        }
    }

    private void hold(Booking b) {
        CompletableFuture<Planning.Appointment> slot = b.appointmentId() != null ? null
                : async(() -> planning.hold(b.reference(), b.details().jobType(), b.details().calibration(),
                        b.details().centreId(), b.details().mode(), b.details().postcode(), b.start()));
        CompletableFuture<SupplyChain.PartHold> part = !b.needsPart() || b.holdId() != null ? null
                : async(() -> supplyChain.hold(b.reference(), b.details().partNumber(),
                        b.details().centreId(), props.holdTtlSeconds()));
        RuntimeException slotError = outcome(slot);
        RuntimeException partError = outcome(part);
        if (slot != null && slotError == null) {
            Planning.Appointment a = slot.join();
            b.slotHeld(a.appointmentId(), a.end());
        }
        if (part != null && partError == null) {
            b.partHeld(part.join().holdId());
        }
        if (slotError instanceof OnPremRejectedException || partError instanceof OnPremRejectedException) {
            b.compensate(slotError instanceof OnPremRejectedException ? FailureReason.SLOT_GONE : FailureReason.PART_GONE);
            save(b, null);
            return;
        }
        if (slotError != null || partError != null) {
            save(b, null);
            throw slotError != null ? slotError : partError;
        }
        b.held();
        save(b, null);
    }

    private void confirm(Booking b) {
        CompletableFuture<Void> slot = async(() -> {
            planning.confirm(b.appointmentId());
            return null;
        });
        CompletableFuture<Void> part = !b.needsPart() ? null : async(() -> {
            supplyChain.confirmHold(b.holdId());
            return null;
        });
        RuntimeException slotError = outcome(slot);
        RuntimeException partError = outcome(part);
        if (slotError instanceof OnPremRejectedException || partError instanceof OnPremRejectedException) {
            b.compensate(FailureReason.HOLD_EXPIRED);
            save(b, null);
            return;
        }
        if (slotError != null || partError != null) {
            throw slotError != null ? slotError : partError;
        }
        b.confirmed();
        save(b, new BookingConfirmed(b.reference(), b.appointmentId(), b.holdId(), b.details().centreId(),
                b.start(), b.end(), now()));
    }

    private void compensate(Booking b) {
        CompletableFuture<Void> slot = b.appointmentId() == null ? null : async(() -> {
            // planning may have confirmed the appointment before the part was refused: it was never confirmed to
            // the customer, so planning's notice policy must not keep it
            planning.cancel(b.appointmentId(), "booking failed: " + b.failureReason(),
                    "booking failed before its confirmation (" + b.failureReason() + ")");
            return null;
        });
        CompletableFuture<Void> part = b.holdId() == null ? null : async(() -> {
            supplyChain.releaseHold(b.holdId());
            return null;
        });
        for (RuntimeException error : new RuntimeException[] {outcome(slot), outcome(part)}) {
            // a refusal here means it is already released or expired: nothing stays held
            if (error instanceof OnPremUnavailableException down) {
                throw down;
            }
        }
        b.failed();
        save(b, new BookingFailed(b.reference(), b.failureReason().name(), now()));
    }

    private void cancelSlot(Booking b) {
        String reason = b.change().previousStatus() == BookingStatus.CONFIRMED ? "cancelled by customer"
                : "booking cancelled before confirmation";
        try {
            planning.cancel(b.appointmentId(), reason, b.noticeOverride(clock.instant(), props.minNoticeHours()));
        } catch (OnPremRejectedException refused) {
            if (refused.status() != 404) {
                b.cancelRefused();
                save(b, null);
                throw refused;
            }
            // planning does not know the appointment: there is nothing to cancel
        }
        b.slotCancelled();
        save(b, b.status() == BookingStatus.CANCELLED ? cancelled(b) : null);
    }

    private void releasePart(Booking b) {
        try {
            supplyChain.releaseHold(b.holdId());
        } catch (OnPremRejectedException alreadyGone) {
            // an unknown or already ended hold holds no stock
        }
        b.partReleased();
        save(b, cancelled(b));
    }

    private void moveSlot(Booking b) {
        OffsetDateTime previous = b.start();
        OffsetDateTime requested = b.requestedStart();
        Planning.Appointment moved;
        try {
            moved = planning.reschedule(b.appointmentId(), requested,
                    b.noticeOverride(clock.instant(), props.minNoticeHours()));
        } catch (OnPremRejectedException refused) {
            b.moveRefused();
            save(b, null);
            throw refused;
        }
        OffsetDateTime start = moved != null && moved.start() != null ? moved.start() : requested;
        OffsetDateTime end = moved != null ? moved.end() : null;
        b.moved(start, end);
        save(b, new BookingRescheduled(b.reference(), previous, start, end, now()));
    }

    private BookingCancelled cancelled(Booking b) {
        return new BookingCancelled(b.reference(), b.change().previousStatus().name(), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(NetworkCalendar.ZONE));
    }

    private void save(Booking b, BookingEvent event) {
        tx.executeWithoutResult(status -> {
            bookings.update(b);
            if (event != null) {
                events.publishEvent(event);
            }
        });
        if (event instanceof BookingConfirmed || event instanceof BookingFailed || event instanceof BookingCancelled) {
            outcomes.record(b);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    private static RuntimeException outcome(CompletableFuture<?> call) {
        if (call == null) {
            return null;
        }
        try {
            call.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
