package io.glasslink.booking.bookings;

/** What the customer is told about a booking. */
public enum BookingStatus {
    /** Just taken; the saga is running. */
    REQUESTED,
    /** Accepted while on-prem was unreachable; confirmation will follow. */
    PENDING,
    CONFIRMED,
    /** The slot or part was gone; nothing is held. */
    FAILED,
    /** The cancellation is accepted; the slot and the part are being released on-prem. */
    CANCELLING,
    /** A move to another start is accepted; planning has yet to make it (the booking keeps its start until then). */
    RESCHEDULING,
    CANCELLED
}
