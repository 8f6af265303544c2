package io.glasslink.planning;

/** A well-formed request naming something the network does not have or serve (answered 422). */
public class UnprocessableRequestException extends RuntimeException {

    /** With the reason shown as the problem detail. */
    public UnprocessableRequestException(String detail) {
        super(detail);
    }
}
