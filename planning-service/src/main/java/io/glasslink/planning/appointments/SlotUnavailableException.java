package io.glasslink.planning.appointments;

import io.glasslink.planning.web.ProblemException;
import io.glasslink.planning.web.ProblemType;

/** No technician is free for the requested slot any more (answered 409 {@code slot-unavailable}). */
public class SlotUnavailableException extends ProblemException {

    /** With the reason shown as the problem detail. */
    public SlotUnavailableException(String detail) {
        super(ProblemType.SLOT_UNAVAILABLE, detail);
    }
}
