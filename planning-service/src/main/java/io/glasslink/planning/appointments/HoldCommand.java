package io.glasslink.planning.appointments;

import java.time.OffsetDateTime;

import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;

/** Hold the slot starting at {@code start} for a booking, in a centre or at a home postcode. */
public record HoldCommand(String bookingReference, JobType jobType, boolean calibration, String centreId, Mode mode,
                          String postcode, OffsetDateTime start) {
}
