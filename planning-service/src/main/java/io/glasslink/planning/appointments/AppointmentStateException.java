package io.glasslink.planning.appointments;

/** The appointment's state does not allow the operation (answered 409 {@code invalid-state}). */
public class AppointmentStateException extends RuntimeException {

    /** With the reason shown as the problem detail. */
    public AppointmentStateException(String detail) {
        super(detail);
    }
}
