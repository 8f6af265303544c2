package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** A slot is held for a booking until {@code expiresAt}. */
public record SlotHeld(UUID eventId, UUID appointmentId, String bookingReference, String centreId, String mode,
                       String jobType, boolean calibration, OffsetDateTime start, OffsetDateTime end,
                       OffsetDateTime expiresAt, OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return appointmentId.toString();
    }
}
