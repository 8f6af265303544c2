package io.glasslink.booking.diagnosis;

/** The job planning schedules; names follow planning-service's contract. */
public enum JobType {
    CHIP_REPAIR, WINDSCREEN_REPLACEMENT;

    /** Whether the job needs a new glass part from the supply chain. */
    public boolean needsPart() {
        return this != CHIP_REPAIR;
    }
}
