package io.glasslink.link.paths;

/**
 * Whether a path (or one direction of it) is out of service and how it fails. A path with an outage in either
 * direction fails its liveness probes. Declared from mildest to worst.
 */
public enum OutageMode {
    /** The path works. */
    NONE,
    /** Packets vanish: data in that direction stalls until the outage ends, nothing is answered. */
    BLACKHOLE,
    /** Connections on the path are reset (TCP RST), new ones are refused the same way. */
    REFUSE
}
