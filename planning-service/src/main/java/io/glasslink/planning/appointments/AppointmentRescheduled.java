package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** An appointment moved to a new time: the previous slot is free, the new one taken. */
public record AppointmentRescheduled(UUID eventId, UUID appointmentId, String bookingReference, String centreId,
                                     String status, OffsetDateTime previousStart, OffsetDateTime previousEnd,
                                     OffsetDateTime start, OffsetDateTime end, String overrideReason,
                                     OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
