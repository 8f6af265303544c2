package io.glasslink.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A customer's booking and the state of its saga. State changes are methods that check their
 * guards; persistence restores it through {@link #restore}.
 */
public final class Booking {

    private final String reference;
    private final BookingDetails details;
    private final Instant createdAt;
    private BookingStatus status;
    private SagaStep step;
    private OffsetDateTime start;
    private OffsetDateTime end;
    private String appointmentId;
    private String holdId;
    private FailureReason failureReason;
    private Change change;

    private Booking(String reference, BookingDetails details, Instant createdAt, BookingStatus status, SagaStep step,
                    OffsetDateTime start, OffsetDateTime end, String appointmentId, String holdId,
                    FailureReason failureReason, Change change) {
        this.reference = Objects.requireNonNull(reference);
        this.details = Objects.requireNonNull(details);
        this.createdAt = createdAt;
        this.status = status;
        this.step = step;
        this.start = start;
        this.end = end;
        this.appointmentId = appointmentId;
        this.holdId = holdId;
        this.failureReason = failureReason;
        this.change = change;
    }

    /** A new booking whose saga has yet to hold the slot and the part. */
    public static Booking request(String reference, BookingDetails details, Instant now) {
        return new Booking(reference, details, now, BookingStatus.REQUESTED, SagaStep.HOLDING,
                details.start(), null, null, null, null, null);
    }

    /** Rebuilds a stored booking. */
    public static Booking restore(String reference, BookingDetails details, Instant createdAt, BookingStatus status,
                                  SagaStep step, OffsetDateTime start, OffsetDateTime end, String appointmentId,
                                  String holdId, FailureReason failureReason, Change change) {
        return new Booking(reference, details, createdAt, status, step, start, end, appointmentId, holdId, failureReason,
                change);
    }

    /** Whether the job needs a part held as well as a slot. */
    public boolean needsPart() {
        return details.partNumber() != null;
    }

    /** The slot was held on-prem. */
    public void slotHeld(String appointmentId, OffsetDateTime end) {
        requireStep(SagaStep.HOLDING, "record a slot hold");
        this.appointmentId = appointmentId;
        this.end = end;
    }

    /** The part was held on-prem. */
    public void partHeld(String holdId) {
        requireStep(SagaStep.HOLDING, "record a part hold");
        this.holdId = holdId;
    }

    /** Both holds are in place: next, confirm them. */
    public void held() {
        requireStep(SagaStep.HOLDING, "move to confirmation");
        if (appointmentId == null || (needsPart() && holdId == null)) {
            throw new IllegalStateException("booking " + reference + " is not fully held");
        }
        step = SagaStep.CONFIRMING;
    }

    /** On-prem could not be reached: the customer is told confirmation will follow. */
    public void pending() {
        if (status == BookingStatus.REQUESTED) {
            status = BookingStatus.PENDING;
        }
    }

    /** Both holds confirmed. */
    public void confirmed() {
        requireStep(SagaStep.CONFIRMING, "confirm");
        status = BookingStatus.CONFIRMED;
        step = SagaStep.DONE;
    }

    /** On-prem refused a step: release what was held, then fail. */
    public void compensate(FailureReason reason) {
        if (step != SagaStep.HOLDING && step != SagaStep.CONFIRMING) {
            throw new IllegalStateException("booking " + reference + " cannot compensate in step " + step);
        }
        failureReason = reason;
        step = SagaStep.COMPENSATING;
    }

    /** Everything held was released: the booking has failed. */
    public void failed() {
        requireStep(SagaStep.COMPENSATING, "fail");
        status = BookingStatus.FAILED;
        step = SagaStep.DONE;
    }

    /**
     * Accepts a cancellation: a confirmed appointment (or one being moved) must respect the minimum notice; a booking
     * still in its saga can always be cancelled. The intent is stored before anything is asked on-prem: the
     * appointment is cancelled first (planning may still refuse it), then the part released. With nothing held
     * on-prem the booking is cancelled at once. Asking again while it is CANCELLING changes nothing.
     */
    public void requestCancel(Instant now, int minNoticeHours) {
        if (status == BookingStatus.CANCELLING) {
            // asked again while it waits for the back office: the same cancellation goes on
            return;
        }
        switch (status) {
            case CONFIRMED -> {
                requireNotice(now, minNoticeHours);
                change = new Change(status, step, null, now);
            }
            case RESCHEDULING -> {
                requireNotice(now, minNoticeHours);
                change = new Change(change.previousStatus(), change.previousStep(), null, now);
            }
            case REQUESTED, PENDING -> change = new Change(status, step, null, now);
            default -> throw new BookingStateException(reference, status, "cancel");
        }
        status = BookingStatus.CANCELLING;
        if (appointmentId != null) {
            step = SagaStep.CANCEL_SLOT;
        } else if (holdId != null) {
            step = SagaStep.RELEASE_PART;
        } else {
            cancelled();
        }
    }

    /** Planning cancelled the appointment: next, release the part (if one is held). */
    public void slotCancelled() {
        requireStep(SagaStep.CANCEL_SLOT, "record the cancelled appointment");
        if (holdId != null) {
            step = SagaStep.RELEASE_PART;
        } else {
            cancelled();
        }
    }

    /** Supply chain released the part: the booking is cancelled. */
    public void partReleased() {
        requireStep(SagaStep.RELEASE_PART, "record the released part");
        cancelled();
    }

    /** Planning refused to cancel the appointment: the booking is back as it was, nothing released. */
    public void cancelRefused() {
        requireStep(SagaStep.CANCEL_SLOT, "undo a refused cancellation");
        status = change.previousStatus();
        step = change.previousStep();
        change = null;
    }

    private void cancelled() {
        status = BookingStatus.CANCELLED;
        step = SagaStep.DONE;
        failureReason = null;
    }

    /**
     * Accepts a move of a confirmed appointment to {@code newStart} (notice policy applies). The booking keeps its
     * start until planning has moved the appointment.
     */
    public void requestReschedule(OffsetDateTime newStart, Instant now, int minNoticeHours) {
        if (status != BookingStatus.CONFIRMED) {
            throw new BookingStateException(reference, status, "reschedule");
        }
        requireNotice(now, minNoticeHours);
        change = new Change(status, step, newStart, now);
        status = BookingStatus.RESCHEDULING;
        step = SagaStep.MOVE_SLOT;
    }

    /** Planning moved the appointment. */
    public void moved(OffsetDateTime newStart, OffsetDateTime newEnd) {
        requireStep(SagaStep.MOVE_SLOT, "record a move");
        start = newStart;
        end = newEnd;
        status = BookingStatus.CONFIRMED;
        step = SagaStep.DONE;
        change = null;
    }

    /** Planning refused the move: the booking stays confirmed at its start. */
    public void moveRefused() {
        requireStep(SagaStep.MOVE_SLOT, "undo a refused move");
        status = BookingStatus.CONFIRMED;
        step = SagaStep.DONE;
        change = null;
    }

    /**
     * Why planning may cancel or move the appointment inside its own notice although the change is completed that
     * late: this service accepted it in time, and only the back office's unavailability delayed it. Null while the
     * notice still allows the change.
     */
    public String noticeOverride(Instant now, int minNoticeHours) {
        if (change == null || !withinNotice(now, minNoticeHours)) {
            return null;
        }
        return "change accepted by booking-web at " + change.requestedAt() + "; the back office could not be reached then";
    }

    private boolean withinNotice(Instant now, int minNoticeHours) {
        return Duration.between(now, start.toInstant()).compareTo(Duration.ofHours(minNoticeHours)) < 0;
    }

    private void requireNotice(Instant now, int minNoticeHours) {
        if (withinNotice(now, minNoticeHours)) {
            throw new NoticePolicyException(minNoticeHours);
        }
    }

    private void requireStep(SagaStep expected, String action) {
        if (step != expected) {
            throw new IllegalStateException("booking " + reference + " in step " + step + " cannot " + action);
        }
    }

    public String reference() { return reference; }
    public BookingDetails details() { return details; }
    public Instant createdAt() { return createdAt; }
    public BookingStatus status() { return status; }
    public SagaStep step() { return step; }
    public OffsetDateTime start() { return start; }
    public OffsetDateTime end() { return end; }
    public String appointmentId() { return appointmentId; }
    public String holdId() { return holdId; }
    public FailureReason failureReason() { return failureReason; }
    /** The cancellation or move in progress (or refused), null when none. */
    public Change change() { return change; }
    /** The start a reschedule asked for, while it is in progress. */
    public OffsetDateTime requestedStart() { return change == null ? null : change.requestedStart(); }

    /**
     * A cancellation or move accepted and not yet done on-prem: the status and step to go back to if planning refuses
     * it, the start asked for (a move), and when it was accepted.
     */
    public record Change(BookingStatus previousStatus, SagaStep previousStep, OffsetDateTime requestedStart,
                         Instant requestedAt) {
    }
}
