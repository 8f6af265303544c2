package io.glasslink.planning.workforce;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The technicians and their absences. */
public interface Workforce {

    /** The technician with this id, if any. */
    Optional<Technician> technician(String technicianId);

    /** The technicians whose home centre is {@code centreId}. */
    List<Technician> ofCentre(String centreId);

    /** The absences of these technicians overlapping [from, to), by technician id. */
    Map<String, List<Absence>> absences(Collection<String> technicianIds, Instant from, Instant to);

    /** Stores a new absence. */
    void record(Absence absence);
}
