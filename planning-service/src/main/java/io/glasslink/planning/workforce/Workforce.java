package io.glasslink.planning.workforce;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The technicians (reference data) and their absences (recorded at run time, read with the busy time). */
public interface Workforce {

    /** The technician with this id, if any. */
    Optional<Technician> technician(String technicianId);

    /** The technicians whose home centre is {@code centreId}. */
    List<Technician> ofCentre(String centreId);

    /** Stores a new absence, recorded at {@code recordedAt}. */
    void record(Absence absence, Instant recordedAt);
}
