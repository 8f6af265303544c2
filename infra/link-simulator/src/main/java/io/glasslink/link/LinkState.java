package io.glasslink.link;

import io.glasslink.link.paths.DirectionSettings;
import io.glasslink.link.paths.OutageMode;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the whole simulator, as served by {@code GET /state}.
 *
 * @param profile    the profile last applied as a whole
 * @param activePath the path new connections take
 * @param failovers  moves of new connections from Direct Connect to the VPN
 * @param failbacks  moves back to Direct Connect
 * @param links      the links
 * @param paths      state per path name
 */
public record LinkState(String profile, String activePath, long failovers, long failbacks, List<Link> links,
        Map<String, PathState> paths) {

    /**
     * One link.
     *
     * @param name       link name
     * @param listenPort port it listens on
     * @param upstream   host:port it leads to
     */
    public record Link(String name, int listenPort, String upstream) {
    }

    /**
     * One path.
     *
     * @param up                whether its liveness probes answer
     * @param active            whether new connections take it
     * @param outage            its outage mode
     * @param activeConnections connections open over it
     * @param rttMs             round trip of its last returned probe in milliseconds; null when the last probe was
     *                          lost (an outage) or none has returned yet
     * @param directions        settings per direction name ({@code to-onprem}, {@code to-cloud})
     * @param bytes             bytes delivered per direction name
     */
    public record PathState(boolean up, boolean active, OutageMode outage, int activeConnections, Double rttMs,
            Map<String, DirectionSettings> directions, Map<String, Long> bytes) {
    }
}
