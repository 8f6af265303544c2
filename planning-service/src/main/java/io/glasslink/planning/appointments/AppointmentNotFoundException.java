package io.glasslink.planning.appointments;

import java.util.UUID;

/** No appointment has this id (answered 404 {@code not-found}). */
public class AppointmentNotFoundException extends RuntimeException {

    /** For the id that was not found. */
    public AppointmentNotFoundException(UUID id) {
        super("no appointment " + id);
    }
}
