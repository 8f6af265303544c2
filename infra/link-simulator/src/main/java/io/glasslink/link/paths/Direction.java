package io.glasslink.link.paths;

import java.util.Arrays;
import java.util.Optional;

/** Direction of travel across the link: cloud to on-premise (requests) or back (responses). */
public enum Direction {
    TO_ONPREM("to-onprem"),
    TO_CLOUD("to-cloud");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the control API, configuration and metrics. */
    public String wireName() {
        return wireName;
    }

    /** Looks a direction up by its wire name ({@code to-onprem} or {@code to-cloud}). */
    public static Optional<Direction> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
