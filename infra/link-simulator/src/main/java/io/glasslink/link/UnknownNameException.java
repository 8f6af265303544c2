package io.glasslink.link;

/** A profile, path, direction or link was named that the simulator does not know. */
public class UnknownNameException extends RuntimeException {

    /** Creates the exception with a message naming what was unknown. */
    public UnknownNameException(String message) {
        super(message);
    }
}
