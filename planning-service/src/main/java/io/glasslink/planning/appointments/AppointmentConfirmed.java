package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** A held slot became a confirmed appointment. */
public record AppointmentConfirmed(UUID eventId, UUID appointmentId, String bookingReference, String centreId,
                                   String mode, String jobType, boolean calibration, OffsetDateTime start,
                                   OffsetDateTime end, OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
