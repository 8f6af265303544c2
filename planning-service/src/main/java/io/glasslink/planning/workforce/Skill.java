package io.glasslink.planning.workforce;

/** What a technician is qualified to do. */
public enum Skill {
    CHIP_REPAIR, GLASS_REPLACEMENT, ADAS_CALIBRATION
}
