package io.glasslink.link.paths;

import java.util.Objects;

/**
 * The complete configuration of one path: impairments per direction and outage.
 *
 * @param toOnPrem settings for the cloud → on-premise direction
 * @param toCloud  settings for the on-premise → cloud direction
 * @param outage   outage mode ({@link OutageMode#NONE} when the path works)
 */
public record PathProfile(DirectionSettings toOnPrem, DirectionSettings toCloud, OutageMode outage) {

    /** A path without impairment. */
    public static final PathProfile CLEAN = symmetric(DirectionSettings.NONE);

    /** Requires all parts. */
    public PathProfile {
        Objects.requireNonNull(toOnPrem, "toOnPrem");
        Objects.requireNonNull(toCloud, "toCloud");
        Objects.requireNonNull(outage, "outage");
    }

    /** The same settings in both directions, no outage. */
    public static PathProfile symmetric(DirectionSettings settings) {
        return new PathProfile(settings, settings, OutageMode.NONE);
    }

    /** The settings of one direction. */
    public DirectionSettings settings(Direction direction) {
        return direction == Direction.TO_ONPREM ? toOnPrem : toCloud;
    }
}
