package io.glasslink.booking.diagnosis;

/**
 * The outcome of a diagnosis.
 *
 * @param jobType repair or replacement
 * @param calibration whether the ADAS camera must be recalibrated after the job
 * @param reason why, as a message key the site and the API translate
 */
public record Diagnosis(JobType jobType, boolean calibration, Reason reason) {

    /** Why the diagnosis came out this way. */
    public enum Reason {
        SMALL_CHIP_OUTSIDE_DRIVER_VIEW,
        CRACK,
        IN_DRIVER_VIEW,
        CHIP_TOO_LARGE,
        TOO_MANY_IMPACTS
    }
}
