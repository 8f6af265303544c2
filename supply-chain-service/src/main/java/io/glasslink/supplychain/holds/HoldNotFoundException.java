package io.glasslink.supplychain.holds;

import java.util.UUID;

/** No hold has this id. */
public class HoldNotFoundException extends RuntimeException {

    /** For {@code id}. */
    public HoldNotFoundException(UUID id) {
        super("no hold " + id);
    }
}
