package io.glasslink.planning.workforce;

import java.time.Instant;
import java.util.UUID;

/** A period when a technician does not work, whatever the weekly pattern says. */
public record Absence(UUID absenceId, String technicianId, Instant from, Instant to, String reason) {

    /** Checks the period is not empty. */
    public Absence {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("an absence ends after it starts");
        }
    }
}
