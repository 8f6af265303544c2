package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** A hold lapsed without confirmation: its slot is free again. */
public record HoldExpired(UUID eventId, UUID appointmentId, String bookingReference, String centreId,
                          OffsetDateTime start, OffsetDateTime end, OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
