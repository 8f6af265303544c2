package io.glasslink.planning.appointments;

import java.util.UUID;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** No appointment has this id (answered 404). */
public class AppointmentNotFoundException extends ProblemException {

    /** For the id that was not found. */
    public AppointmentNotFoundException(UUID id) {
        super(ProblemType.NOT_FOUND, "no appointment " + id);
    }
}
