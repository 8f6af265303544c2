package io.glasslink.supplychain.network;

/** No centre's vans serve this (well-formed) postcode. */
public class PostcodeNotServedException extends RuntimeException {

    /** For {@code postcode}. */
    public PostcodeNotServedException(Postcode postcode) {
        super("no van serves postcode " + postcode.value());
    }
}
