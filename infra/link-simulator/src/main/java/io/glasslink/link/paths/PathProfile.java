package io.glasslink.link.paths;

import java.util.Objects;

/**
 * The complete configuration of one path: impairments and outage per direction.
 *
 * @param toOnPrem settings for the cloud → on-premise direction
 * @param toCloud  settings for the on-premise → cloud direction
 */
public record PathProfile(DirectionSettings toOnPrem, DirectionSettings toCloud) {

    /** A path without impairment. */
    public static final PathProfile CLEAN = symmetric(DirectionSettings.NONE);

    /** Requires both directions. */
    public PathProfile {
        Objects.requireNonNull(toOnPrem, "toOnPrem");
        Objects.requireNonNull(toCloud, "toCloud");
    }

    /** The same settings in both directions. */
    public static PathProfile symmetric(DirectionSettings settings) {
        return new PathProfile(settings, settings);
    }

    /** The settings of one direction. */
    public DirectionSettings settings(Direction direction) {
        return direction == Direction.TO_ONPREM ? toOnPrem : toCloud;
    }

    /** The same profile with one direction replaced. */
    public PathProfile with(Direction direction, DirectionSettings settings) {
        return direction == Direction.TO_ONPREM ? new PathProfile(settings, toCloud) : new PathProfile(toOnPrem, settings);
    }

    /**
     * The outage of the path as a whole: {@link OutageMode#REFUSE} if a direction refuses, else
     * {@link OutageMode#BLACKHOLE} if a direction is black-holed, else {@link OutageMode#NONE}.
     */
    public OutageMode outage() {
        OutageMode a = toOnPrem.outage();
        OutageMode b = toCloud.outage();
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
