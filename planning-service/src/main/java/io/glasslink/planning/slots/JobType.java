package io.glasslink.planning.slots;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import io.glasslink.planning.workforce.Skill;

/** The jobs the network does, with their duration and the skill they need. */
public enum JobType {
    CHIP_REPAIR(30, Skill.CHIP_REPAIR),
    WINDSCREEN_REPLACEMENT(90, Skill.GLASS_REPLACEMENT),
    SIDE_WINDOW(60, Skill.GLASS_REPLACEMENT),
    REAR_WINDOW(60, Skill.GLASS_REPLACEMENT);

    /** Extra time for an ADAS camera calibration after a windscreen replacement. */
    public static final int CALIBRATION_MINUTES = 45;

    private final int minutes;
    private final Skill skill;

    JobType(int minutes, Skill skill) {
        this.minutes = minutes;
        this.skill = skill;
    }

    /** Whether a calibration applies: only a windscreen carries the ADAS camera. */
    public boolean calibrates(boolean calibration) {
        return calibration && this == WINDSCREEN_REPLACEMENT;
    }

    /** How long the job takes, calibration included when it applies. */
    public Duration duration(boolean calibration) {
        return Duration.ofMinutes(minutes + (calibrates(calibration) ? CALIBRATION_MINUTES : 0));
    }

    /** The skills a technician needs for the job. */
    public Set<Skill> requiredSkills(boolean calibration) {
        return calibrates(calibration) ? EnumSet.of(skill, Skill.ADAS_CALIBRATION) : EnumSet.of(skill);
    }
}
