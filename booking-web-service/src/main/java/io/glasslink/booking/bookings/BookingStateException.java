package io.glasslink.booking.bookings;

/** The booking is not in a state that allows the requested change. */
public class BookingStateException extends RuntimeException {

    public BookingStateException(String reference, BookingStatus status, String action) {
        super("booking " + reference + " is " + status + ": cannot " + action);
    }
}
