package io.glasslink.booking.bookings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where bookings are kept. */
public interface Bookings {

    /** Stores a new booking. */
    void add(Booking booking);

    /** Stores a booking's new state. */
    void update(Booking booking);

    /** A booking by reference. */
    Optional<Booking> byReference(String reference);

    /** A partner's bookings, newest first. */
    List<Booking> ofPartner(String partnerId, int page, int size);

    /** How many bookings a partner has. */
    long countOfPartner(String partnerId);

    /** Takes the saga lease of a booking for a while; false when someone else holds it. */
    boolean lease(String reference, Duration duration);

    /** Gives the lease back. */
    void unlease(String reference);

    /** References of sagas that have not moved since {@code before}, oldest first. */
    List<String> unfinishedSince(Instant before, int limit);

    /** The booking a partner's idempotency key was first used for, with the hash of that request body. */
    Optional<IdempotentRequest> idempotentRequest(String partnerId, String key);

    /** Remembers a partner's idempotency key (same transaction as the booking). */
    void rememberRequest(String partnerId, IdempotentRequest request);

    /** A partner request recorded under its idempotency key. */
    record IdempotentRequest(String key, String requestHash, String bookingReference) {
    }
}
