package io.glasslink.link.paths;

/** A setting of the link was given a value it cannot take. */
public class InvalidSettingException extends IllegalArgumentException {

    /** Creates the exception with a message naming the setting and the reason. */
    public InvalidSettingException(String message) {
        super(message);
    }
}
