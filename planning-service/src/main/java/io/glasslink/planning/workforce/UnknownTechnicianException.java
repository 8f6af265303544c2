package io.glasslink.planning.workforce;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** No technician has this id (answered 404). */
public class UnknownTechnicianException extends ProblemException {

    /** For the technician id that was not found. */
    public UnknownTechnicianException(String technicianId) {
        super(ProblemType.NOT_FOUND, "no technician " + technicianId);
    }
}
