package io.glasslink.supplychain.holds;

/** Not enough of the part left to hold anywhere on the centre's supply route, and no supplier. */
public class InsufficientStockException extends RuntimeException {

    /** For {@code quantity} of {@code partNumber} at {@code centreId}. */
    public InsufficientStockException(String partNumber, int quantity, String centreId) {
        super("cannot hold " + quantity + " x " + partNumber + " for " + centreId
                + ": not enough stock left on its supply route and no supplier makes it");
    }
}
