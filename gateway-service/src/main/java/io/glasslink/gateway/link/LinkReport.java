package io.glasslink.gateway.link;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of the link's {@code GET /state} the gateway follows (docs/contracts.md, "Link simulator control API").
 *
 * @param activePath the path new connections take ({@code direct-connect} or {@code vpn})
 * @param failovers  moves of new connections from Direct Connect to the VPN since the link started
 * @param failbacks  moves back to Direct Connect
 * @param paths      per path name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record LinkReport(String activePath, long failovers, long failbacks, Map<String, PathReport> paths) {

    /** Nothing read yet. */
    static final LinkReport NONE = new LinkReport(null, 0, 0, Map.of());

    LinkReport {
        paths = paths == null ? Map.of() : Map.copyOf(paths);
    }

    /**
     * One path.
     *
     * @param up    whether its liveness probes answer
     * @param rttMs round trip of its last probe, null while its probes are lost
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PathReport(boolean up, Double rttMs) {
    }
}
