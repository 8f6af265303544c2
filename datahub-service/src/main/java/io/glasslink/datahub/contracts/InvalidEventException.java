package io.glasslink.datahub.contracts;

/** An event that breaks the contract; {@link #reason()} says why, in words fit for a dead-letter header. */
public class InvalidEventException extends Exception {

    private final String reason;

    public InvalidEventException(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** Why the event was rejected. */
    public String reason() {
        return reason;
    }
}
