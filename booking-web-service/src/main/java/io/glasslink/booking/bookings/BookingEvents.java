package io.glasslink.booking.bookings;

import java.time.OffsetDateTime;

/** The events a booking publishes (through the transactional outbox, as CloudEvents); times in Paris. */
public final class BookingEvents {

    private BookingEvents() {
    }

    /** Common shape: every booking event names its booking and when it happened. */
    public sealed interface BookingEvent permits BookingRequested, BookingConfirmed, BookingFailed,
            BookingCancelled, BookingRescheduled {
        String bookingReference();

        OffsetDateTime occurredAt();
    }

    /** A booking was taken; the saga starts. */
    public record BookingRequested(String bookingReference, String channel, String partnerId, String jobType,
                                   boolean calibration, String partNumber, String centreId, String mode,
                                   OffsetDateTime start, OffsetDateTime occurredAt) implements BookingEvent {
    }

    /** Slot and part are confirmed on-prem. */
    public record BookingConfirmed(String bookingReference, String appointmentId, String holdId, String centreId,
                                   OffsetDateTime start, OffsetDateTime end, OffsetDateTime occurredAt) implements BookingEvent {
    }

    /** The booking could not be completed; nothing stays held. */
    public record BookingFailed(String bookingReference, String reason, OffsetDateTime occurredAt) implements BookingEvent {
    }

    /** The customer or partner cancelled. */
    public record BookingCancelled(String bookingReference, String previousStatus, OffsetDateTime occurredAt)
            implements BookingEvent {
    }

    /** The appointment moved. */
    public record BookingRescheduled(String bookingReference, OffsetDateTime previousStart, OffsetDateTime start,
                                     OffsetDateTime end, OffsetDateTime occurredAt) implements BookingEvent {
    }
}
