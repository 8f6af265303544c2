package io.glasslink.planning.workforce;

/** No technician has this id (answered 404 {@code not-found}). */
public class UnknownTechnicianException extends RuntimeException {

    /** For the technician id that was not found. */
    public UnknownTechnicianException(String technicianId) {
        super("no technician " + technicianId);
    }
}
