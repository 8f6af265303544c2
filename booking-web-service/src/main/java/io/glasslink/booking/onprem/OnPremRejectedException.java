package io.glasslink.booking.onprem;

/** The on-prem side answered and said no (slot gone, stock gone, notice policy, not found). */
public class OnPremRejectedException extends RuntimeException {

    private final int status;

    public OnPremRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status on-prem answered with. */
    public int status() {
        return status;
    }
}
