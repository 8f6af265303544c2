package io.glasslink.booking.diagnosis;

import java.time.Duration;

/** The job planning schedules; names and durations follow planning-service's contract. */
public enum JobType {
    CHIP_REPAIR(30), WINDSCREEN_REPLACEMENT(90);

    /** Extra time for an ADAS camera calibration after a windscreen replacement (planning-service's figure). */
    public static final int CALIBRATION_MINUTES = 45;

    private final int minutes;

    JobType(int minutes) {
        this.minutes = minutes;
    }

    /** Whether the job needs a new glass part from the supply chain. */
    public boolean needsPart() {
        return this != CHIP_REPAIR;
    }

    /** How long the job takes; calibration only applies to a replaced windscreen. */
    public Duration duration(boolean calibration) {
        return Duration.ofMinutes(minutes + (calibration && this == WINDSCREEN_REPLACEMENT ? CALIBRATION_MINUTES : 0));
    }
}
