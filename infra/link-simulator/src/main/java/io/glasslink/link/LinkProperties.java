package io.glasslink.link;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the standalone simulator under {@code link.*} (profiles live under {@code link.profiles},
 * see {@link LinkProfiles}).
 *
 * @param profile  profile applied at start and by restore ({@code LINK_PROFILE})
 * @param bindHost address the links listen on ({@code LINK_BIND_HOST})
 * @param probe    liveness probe settings
 * @param links    links by name
 */
@ConfigurationProperties("link")
public record LinkProperties(String profile, String bindHost, Probe probe, Map<String, Endpoint> links) {

    /**
     * BFD-style probe settings.
     *
     * @param interval         probe interval
     * @param detectMultiplier lost probes in a row after which a path is down
     * @param riseThreshold    answered probes in a row after which it is up again
     */
    public record Probe(Duration interval, int detectMultiplier, int riseThreshold) {
    }

    /**
     * One link.
     *
     * @param listenPort port to listen on (0 = any free port)
     * @param upstream   {@code host:port} of the on-premise service
     */
    public record Endpoint(int listenPort, String upstream) {
    }
}
