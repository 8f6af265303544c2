package io.glasslink.booking.bookings;

/** Why a booking failed, in words the customer understands (translated by the site). */
public enum FailureReason {
    SLOT_GONE, PART_GONE, HOLD_EXPIRED, REJECTED
}
