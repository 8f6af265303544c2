package io.glasslink.planning.slots;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A slot search: a job, either centres or a home postcode, a date window (inclusive, Paris dates),
 * the earliest time the part is there and the minimum notice (null for the default).
 */
public record SlotQuery(JobType jobType, Boolean calibration, List<String> centreIds, String postcode,
                        LocalDate from, LocalDate to, OffsetDateTime notBefore, Integer minNoticeMinutes) {

    /** Whether an ADAS calibration is asked for (absent means no). */
    public boolean withCalibration() {
        return Boolean.TRUE.equals(calibration);
    }
}
