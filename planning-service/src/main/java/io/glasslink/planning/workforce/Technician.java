package io.glasslink.planning.workforce;

import java.util.List;
import java.util.Set;

/**
 * A technician attached to a home centre. Technicians with a van do home jobs in their centre's
 * département; the others work in the centre.
 */
public record Technician(String technicianId, String name, String homeCentreId, boolean hasVan, Set<Skill> skills,
                         List<WorkPattern> patterns) {

    /** Whether the technician has every skill of {@code required}. */
    public boolean canDo(Set<Skill> required) {
        return skills.containsAll(required);
    }
}
