package io.glasslink.supplychain.network;

/** No service centre has this id. */
public class UnknownCentreException extends RuntimeException {

    /** For {@code centreId}. */
    public UnknownCentreException(String centreId) {
        super("no service centre " + centreId);
    }
}
