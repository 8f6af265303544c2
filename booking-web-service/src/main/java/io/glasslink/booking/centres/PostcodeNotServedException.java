package io.glasslink.booking.centres;

/** A well-formed postcode whose département has no centre (e.g. overseas 97xxx). */
public class PostcodeNotServedException extends RuntimeException {

    public PostcodeNotServedException(Postcode postcode) {
        super("postcode " + postcode.value() + " is not served by the network");
    }
}
