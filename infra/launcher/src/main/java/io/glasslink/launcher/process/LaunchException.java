package io.glasslink.launcher.process;

/** A start-up or shutdown failure with a message written for the person at the terminal. */
public class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
