package io.glasslink.planning.workforce;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.events.PlanningEvent;

/** A technician will be absent: the slots of that period are gone. */
public record TechnicianAbsenceRecorded(UUID eventId, UUID absenceId, String technicianId, String centreId,
                                        OffsetDateTime from, OffsetDateTime to, String reason,
                                        OffsetDateTime occurredAt) implements PlanningEvent {

    @Override
    public String subject() {
        return technicianId;
    }
}
