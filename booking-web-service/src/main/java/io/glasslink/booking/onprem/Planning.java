package io.glasslink.booking.onprem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;

/** planning-service as the booking saga sees it. */
public interface Planning {

    /** Free slots for a job at some centres or at home. */
    List<CentreSlots> search(SlotSearch search);

    /** Holds a slot for a booking; the booking reference is the idempotency key. */
    Appointment hold(String bookingReference, JobType jobType, boolean calibration, String centreId,
                     Mode mode, String postcode, OffsetDateTime start);

    /** Confirms a held appointment (idempotent). */
    void confirm(String appointmentId);

    /**
     * Cancels an appointment (idempotent); a notice-policy refusal is an {@link OnPremRejectedException}.
     * {@code overrideReason} (may be null) asks planning to let a cancellation accepted in time through its notice.
     */
    void cancel(String appointmentId, String reason, String overrideReason);

    /** Moves an appointment (idempotent); {@code overrideReason} (may be null) as for {@link #cancel}. */
    Appointment reschedule(String appointmentId, OffsetDateTime start, String overrideReason);

    /**
     * A slot search: {@code centreIds} for centre jobs, {@code postcode} for home jobs; no start
     * before {@code notBefore} (null: only the notice applies) and at most {@code limit} slots per
     * centre, the earliest (null: every slot of the window).
     */
    record SlotSearch(JobType jobType, boolean calibration, List<String> centreIds, String postcode,
                      LocalDate from, LocalDate to, int minNoticeMinutes, OffsetDateTime notBefore, Integer limit) {

        /** The same search, no start before {@code time}. */
        public SlotSearch notBefore(OffsetDateTime time) {
            return new SlotSearch(jobType, calibration, centreIds, postcode, from, to, minNoticeMinutes, time, limit);
        }
    }

    /** Free slots of one centre (or of its vans). */
    record CentreSlots(String centreId, Mode mode, List<Slot> slots) {
    }

    /** A free slot. */
    record Slot(OffsetDateTime start, OffsetDateTime end, int capacity) {
    }

    /** A held or confirmed appointment. */
    record Appointment(String appointmentId, String centreId, OffsetDateTime start, OffsetDateTime end, String status) {
    }
}
