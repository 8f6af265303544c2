package io.glasslink.planning.appointments;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** The appointment's state does not allow the operation (answered 409 {@code invalid-state}). */
public class AppointmentStateException extends ProblemException {

    /** With the reason shown as the problem detail. */
    public AppointmentStateException(String detail) {
        super(ProblemType.INVALID_STATE, detail);
    }
}
