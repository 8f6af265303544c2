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
    CANCELLED
}
