package io.glasslink.booking.bookings;

/** Where the booking saga stands; persisted so that a crash resumes from here. */
public enum SagaStep {
    /** Hold the slot and the part. */
    HOLDING,
    /** Both held: confirm both. */
    CONFIRMING,
    /** Something was refused: release what was held. */
    COMPENSATING,
    /** A cancellation: cancel the appointment in planning (first: planning's notice policy may still refuse). */
    CANCEL_SLOT,
    /** A cancellation whose appointment is cancelled: release the part in supply chain. */
    RELEASE_PART,
    /** A reschedule: move the appointment in planning to the requested start. */
    MOVE_SLOT,
    /** Nothing left to do. */
    DONE
}
