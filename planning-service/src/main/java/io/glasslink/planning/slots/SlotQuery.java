package io.glasslink.planning.slots;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A slot search: a job, either centres or a home postcode, a date window (inclusive, Paris dates),
 * the earliest time the part is there, the minimum notice (null for the default) and the spacing
 * of the start times offered ({@code stepMinutes}, a multiple of the configured step, e.g. 60 for
 * starts on the hour only; null for the configured step, 15 minutes) and at most how many slots to
 * answer per centre, the earliest ({@code limit}; null for all of the window).
 */
public record SlotQuery(JobType jobType, Boolean calibration, List<String> centreIds, String postcode,
                        LocalDate from, LocalDate to, OffsetDateTime notBefore, Integer minNoticeMinutes,
                        Integer stepMinutes, Integer limit) {

    /** A query answering every slot of the window. */
    public SlotQuery(JobType jobType, Boolean calibration, List<String> centreIds, String postcode,
                     LocalDate from, LocalDate to, OffsetDateTime notBefore, Integer minNoticeMinutes,
                     Integer stepMinutes) {
        this(jobType, calibration, centreIds, postcode, from, to, notBefore, minNoticeMinutes, stepMinutes, null);
    }

    /** A query at the configured step. */
    public SlotQuery(JobType jobType, Boolean calibration, List<String> centreIds, String postcode,
                     LocalDate from, LocalDate to, OffsetDateTime notBefore, Integer minNoticeMinutes) {
        this(jobType, calibration, centreIds, postcode, from, to, notBefore, minNoticeMinutes, null);
    }

    /** Whether an ADAS calibration is asked for (absent means no). */
    public boolean withCalibration() {
        return Boolean.TRUE.equals(calibration);
    }
}
