package io.glasslink.link.paths;

/**
 * Whether a path is out of service and how it fails. A path in outage fails its liveness probes.
 */
public enum OutageMode {
    /** The path works. */
    NONE,
    /** Connections on the path are reset (TCP RST), new ones are refused the same way. */
    REFUSE,
    /** Packets vanish: data on the path stalls until the outage ends, nothing is answered. */
    BLACKHOLE
}
