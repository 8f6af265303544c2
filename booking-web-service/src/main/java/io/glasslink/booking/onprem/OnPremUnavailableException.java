package io.glasslink.booking.onprem;

/** The on-prem side could not be reached (link down, timeout, 5xx, open circuit): try again later. */
public class OnPremUnavailableException extends RuntimeException {

    public OnPremUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
