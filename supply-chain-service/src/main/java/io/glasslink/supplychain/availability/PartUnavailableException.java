package io.glasslink.supplychain.availability;

/** The part cannot reach the destination: not enough in the network and no supplier makes it. */
public class PartUnavailableException extends RuntimeException {

    /** For {@code quantity} of {@code partNumber} at {@code centreId}. */
    public PartUnavailableException(String partNumber, int quantity, String centreId) {
        super(quantity + " x " + partNumber + " cannot be supplied to " + centreId
                + ": not enough stock in the network and no supplier makes it");
    }
}
