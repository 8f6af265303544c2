package io.glasslink.link.paths;

import java.util.Arrays;
import java.util.Optional;

/** The two paths between the zones: Direct Connect is primary, the site-to-site VPN is the backup. */
public enum PathId {
    DIRECT_CONNECT("direct-connect"),
    VPN("vpn");

    private final String wireName;

    PathId(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the control API, configuration and metrics. */
    public String wireName() {
        return wireName;
    }

    /** Looks a path up by its wire name ({@code direct-connect} or {@code vpn}). */
    public static Optional<PathId> fromWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name)).findFirst();
    }
}
