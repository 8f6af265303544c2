package io.glasslink.planning.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;

/**
 * A technician's time reserved for a job: first HELD until {@code expiresAt}, then CONFIRMED, or
 * EXPIRED/CANCELLED. Transitions return the new state and check their guards.
 */
public record Appointment(UUID appointmentId, String bookingReference, String technicianId, String centreId,
                          Mode mode, String postcode, JobType jobType, boolean calibration, Instant start,
                          Instant end, AppointmentStatus status, Instant expiresAt) {

    /** A new hold of [start, end) for {@code technicianId}, expiring after {@code ttl}. */
    public static Appointment hold(String bookingReference, String technicianId, String centreId, Mode mode,
                                   String postcode, JobType jobType, boolean calibration, Instant start,
                                   Instant now, Duration ttl) {
        return new Appointment(UUID.randomUUID(), bookingReference, technicianId, centreId, mode, postcode, jobType,
                calibration, start, start.plus(jobType.duration(calibration)), AppointmentStatus.HELD,
                now.plus(ttl).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether it still takes the technician's time at {@code now}. */
    public boolean isLive(Instant now) {
        return status == AppointmentStatus.CONFIRMED || (status == AppointmentStatus.HELD && expiresAt.isAfter(now));
    }

    /** Confirms a live hold; confirming twice answers the same; an expired or cancelled one cannot be. */
    public Appointment confirm(Instant now) {
        if (status == AppointmentStatus.CONFIRMED) {
            return this;
        }
        if (!isLive(now)) {
            throw new AppointmentStateException("the hold is " + (status == AppointmentStatus.HELD ? "expired" : status.name().toLowerCase())
                    + " and cannot be confirmed");
        }
        return with(AppointmentStatus.CONFIRMED, null);
    }

    /** Cancels; a confirmed appointment follows the notice policy; cancelling twice answers the same. */
    public Appointment cancel(Instant now, NoticePolicy policy, String overrideReason) {
        if (status == AppointmentStatus.CANCELLED || status == AppointmentStatus.EXPIRED) {
            return this;
        }
        if (status == AppointmentStatus.CONFIRMED) {
            policy.checkCancel(start, now, overrideReason);
        }
        return with(AppointmentStatus.CANCELLED, null);
    }

    /** Lets a due hold lapse. */
    public Appointment expire() {
        if (status != AppointmentStatus.HELD) {
            throw new AppointmentStateException("only a hold can expire");
        }
        return with(AppointmentStatus.EXPIRED, expiresAt);
    }

    /** Checks it may move: it must be live, and a confirmed one follows the notice policy. */
    public void checkMovable(Instant now, NoticePolicy policy, String overrideReason) {
        if (!isLive(now)) {
            throw new AppointmentStateException("a " + (status == AppointmentStatus.HELD ? "expired" : status.name().toLowerCase())
                    + " appointment cannot be rescheduled");
        }
        if (status == AppointmentStatus.CONFIRMED) {
            policy.checkReschedule(start, now, overrideReason);
        }
    }

    /** The same appointment at a new time, possibly with another technician. */
    public Appointment movedTo(String newTechnicianId, Instant newStart) {
        return new Appointment(appointmentId, bookingReference, newTechnicianId, centreId, mode, postcode, jobType,
                calibration, newStart, newStart.plus(jobType.duration(calibration)), status, expiresAt);
    }

    private Appointment with(AppointmentStatus newStatus, Instant newExpiresAt) {
        return new Appointment(appointmentId, bookingReference, technicianId, centreId, mode, postcode, jobType,
                calibration, start, end, newStatus, newExpiresAt);
    }
}
