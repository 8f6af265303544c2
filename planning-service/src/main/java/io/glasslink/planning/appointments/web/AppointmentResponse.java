package io.glasslink.planning.appointments.web;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.planning.PlanningTime;
import io.swagger.v3.oas.annotations.media.Schema;
import io.glasslink.planning.appointments.Appointment;
import io.glasslink.planning.appointments.AppointmentStatus;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;

/** An appointment as the API shows it: times in Europe/Paris, no technician. */
public record AppointmentResponse(UUID appointmentId, String bookingReference, String centreId, Mode mode,
                                  @Schema(types = {"string", "null"}, description = "HOME jobs only") String postcode,
                                  JobType jobType, boolean calibration, OffsetDateTime start, OffsetDateTime end,
                                  AppointmentStatus status,
                                  @Schema(types = {"string", "null"}, format = "date-time", description = "HELD only: when the hold lapses")
                                  OffsetDateTime expiresAt) {

    static AppointmentResponse of(Appointment a) {
        return new AppointmentResponse(a.appointmentId(), a.bookingReference(), a.centreId(), a.mode(), a.postcode(),
                a.jobType(), a.calibration(), PlanningTime.paris(a.start()), PlanningTime.paris(a.end()), a.status(),
                PlanningTime.paris(a.expiresAt()));
    }
}
