package io.glasslink.booking.availability;

import java.time.LocalDate;

import io.glasslink.booking.centres.Postcode;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;

/**
 * What to search for.
 *
 * @param jobType the diagnosed job
 * @param calibration whether calibration is needed (longer job)
 * @param partNumber the glass part, or null for a repair
 * @param postcode where the customer is
 * @param mode at a centre or at home
 * @param from first day to search
 * @param onlyCentreId restricts the search to one centre (rescheduling), or null
 */
public record AvailabilityQuery(JobType jobType, boolean calibration, String partNumber, Postcode postcode,
                                Mode mode, LocalDate from, String onlyCentreId) {
}
