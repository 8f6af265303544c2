package io.glasslink.booking.bookings;

import java.time.OffsetDateTime;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;

/**
 * What was asked for when the booking was made.
 *
 * @param channel WEB or PARTNER
 * @param partnerId the partner that made it (partner channel only)
 * @param partNumber the part to fit, null for a repair
 * @param postcode the customer's postcode (home jobs need it)
 */
public record BookingDetails(Channel channel, String partnerId, JobType jobType, boolean calibration,
                             String partNumber, String centreId, Mode mode, String postcode,
                             OffsetDateTime start, Vehicle vehicle, Customer customer) {

    /** Where the booking came from. */
    public enum Channel { WEB, PARTNER }

    /** The customer's vehicle. */
    public record Vehicle(String make, String model, int year, String plate) {
    }

    /** How to reach the customer. */
    public record Customer(String name, String email, String phone, boolean consent) {
    }
}
