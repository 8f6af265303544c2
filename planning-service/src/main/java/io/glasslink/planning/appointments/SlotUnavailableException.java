package io.glasslink.planning.appointments;

/** No technician is free for the requested slot any more (answered 409 {@code slot-unavailable}). */
public class SlotUnavailableException extends RuntimeException {

    /** With the reason shown as the problem detail. */
    public SlotUnavailableException(String detail) {
        super(detail);
    }
}
