package io.glasslink.booking.bookings;

/** Too late to cancel or reschedule: the appointment starts within the minimum notice. */
public class NoticePolicyException extends RuntimeException {

    private final int minNoticeHours;

    public NoticePolicyException(int minNoticeHours) {
        super("appointments can be changed or cancelled up to " + minNoticeHours + " hours before they start");
        this.minNoticeHours = minNoticeHours;
    }

    /** The policy that refused, e.g. {@code min-notice-24h}. */
    public String policy() {
        return "min-notice-" + minNoticeHours + "h";
    }
}
