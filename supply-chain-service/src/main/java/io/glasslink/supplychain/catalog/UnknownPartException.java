package io.glasslink.supplychain.catalog;

/** The catalogue has no part with this number. */
public class UnknownPartException extends RuntimeException {

    /** For {@code partNumber}. */
    public UnknownPartException(String partNumber) {
        super("no part " + partNumber + " in the catalogue");
    }
}
