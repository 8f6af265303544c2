package io.glasslink.booking.bookings;

/** Where the booking saga stands; persisted so that a crash resumes from here. */
public enum SagaStep {
    /** Hold the slot and the part. */
    HOLDING,
    /** Both held: confirm both. */
    CONFIRMING,
    /** Something was refused: release what was held. */
    COMPENSATING,
    /** Nothing left to do. */
    DONE
}
