package io.glasslink.booking.api;

/** No booking with that reference for this caller. */
class BookingNotFoundException extends RuntimeException {

    BookingNotFoundException(String reference) {
        super("no booking " + reference);
    }
}
