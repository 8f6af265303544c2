package io.glasslink.supplychain.holds;

import java.util.UUID;

/** A hold that was released or has expired cannot be confirmed. */
public class HoldNotActiveException extends RuntimeException {

    /** For hold {@code id} found in {@code status}. */
    public HoldNotActiveException(UUID id, HoldStatus status) {
        super("hold " + id + " is " + status + " and can no longer be confirmed");
    }
}
