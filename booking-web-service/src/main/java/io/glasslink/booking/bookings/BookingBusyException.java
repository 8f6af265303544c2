package io.glasslink.booking.bookings;

/** Another request or the recovery job is moving this booking right now: nothing was changed; try again shortly. */
public class BookingBusyException extends RuntimeException {

    public BookingBusyException(String reference) {
        super("booking " + reference + " is being changed by another request; nothing was changed, try again shortly");
    }
}
