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

    private Booking(String reference, BookingDetails details, Instant createdAt, BookingStatus status, SagaStep step,
                    OffsetDateTime start, OffsetDateTime end, String appointmentId, String holdId,
                    FailureReason failureReason) {
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
    }

    /** A new booking whose saga has yet to hold the slot and the part. */
    public static Booking request(String reference, BookingDetails details, Instant now) {
        return new Booking(reference, details, now, BookingStatus.REQUESTED, SagaStep.HOLDING,
                details.start(), null, null, null, null);
    }

    /** Rebuilds a stored booking. */
    public static Booking restore(String reference, BookingDetails details, Instant createdAt, BookingStatus status,
                                  SagaStep step, OffsetDateTime start, OffsetDateTime end, String appointmentId,
                                  String holdId, FailureReason failureReason) {
        return new Booking(reference, details, createdAt, status, step, start, end, appointmentId, holdId, failureReason);
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
     * Cancels the booking. A confirmed appointment must respect the minimum notice; a booking
     * still in its saga can always be cancelled (its holds are released or expire).
     */
    public void cancel(Instant now, int minNoticeHours) {
        switch (status) {
            case CONFIRMED -> requireNotice(now, minNoticeHours);
            case REQUESTED, PENDING -> step = SagaStep.DONE;
            default -> throw new BookingStateException(reference, status, "cancel");
        }
        status = BookingStatus.CANCELLED;
        step = SagaStep.DONE;
    }

    /** Checks that a confirmed booking may still be changed. */
    public void checkReschedulable(Instant now, int minNoticeHours) {
        if (status != BookingStatus.CONFIRMED) {
            throw new BookingStateException(reference, status, "reschedule");
        }
        requireNotice(now, minNoticeHours);
    }

    /** The appointment moved. */
    public void rescheduled(OffsetDateTime newStart, OffsetDateTime newEnd) {
        if (status != BookingStatus.CONFIRMED) {
            throw new BookingStateException(reference, status, "reschedule");
        }
        this.start = newStart;
        this.end = newEnd;
    }

    private void requireNotice(Instant now, int minNoticeHours) {
        if (Duration.between(now, start.toInstant()).compareTo(Duration.ofHours(minNoticeHours)) < 0) {
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
}
