package io.glasslink.booking.web;

import java.io.IOException;

/** A request body went over the size limit while it was read. */
public class ContentTooLargeException extends IOException {

    public ContentTooLargeException(long limit) {
        super("the body is over the limit of " + limit + " bytes");
    }
}
