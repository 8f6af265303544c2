package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** A hold or appointment was cancelled: its slot is free again. */
public record AppointmentCancelled(UUID eventId, UUID appointmentId, String bookingReference, String centreId,
                                   String previousStatus, OffsetDateTime start, OffsetDateTime end, String reason,
                                   String overrideReason, OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
