package io.glasslink.booking.bookings;

/** Too late to cancel or reschedule: the appointment starts within the minimum notice. */
public class NoticePolicyException extends RuntimeException {

    public NoticePolicyException(int minNoticeHours) {
        super("appointments can be changed or cancelled up to " + minNoticeHours + " hours before they start");
    }
}
