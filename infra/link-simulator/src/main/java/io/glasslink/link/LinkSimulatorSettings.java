package io.glasslink.link;

import io.glasslink.link.paths.InvalidSettingException;
import io.glasslink.link.paths.LinkProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the simulator needs to start.
 *
 * @param bindHost         address the links listen on
 * @param links            the links (listen port → upstream)
 * @param profile          name of the profile applied at start and by "restore"
 * @param profiles         available profiles by name
 * @param probeInterval    interval of the BFD-style liveness probes
 * @param detectMultiplier lost probes in a row after which a path is down
 * @param riseThreshold    answered probes in a row after which a path is up again
 */
public record LinkSimulatorSettings(String bindHost, List<LinkTarget> links, String profile,
        Map<String, LinkProfile> profiles, Duration probeInterval, int detectMultiplier, int riseThreshold) {

    /** Checks that the start profile exists and copies the collections. */
    public LinkSimulatorSettings {
        links = List.copyOf(links);
        profiles = Map.copyOf(profiles);
        if (!profiles.containsKey(profile)) {
            throw new InvalidSettingException("unknown profile " + profile + "; known: " + profiles.keySet());
        }
        if (probeInterval.isNegative() || probeInterval.isZero()) {
            throw new InvalidSettingException("probeInterval must be positive");
        }
    }

    /**
     * Loopback, no links yet, the built-in profiles with {@code dx} applied, probes every 300 ms, down after 3
     * misses, up after 3 answers.
     */
    public static LinkSimulatorSettings defaults() {
        return new LinkSimulatorSettings("127.0.0.1", List.of(), "dx", LinkProfiles.builtIn(), Duration.ofMillis(300), 3, 3);
    }

    /** These settings plus a link; {@code listenPort} 0 picks a free port. */
    public LinkSimulatorSettings withLink(String name, int listenPort, String upstreamHost, int upstreamPort) {
        List<LinkTarget> more = new ArrayList<>(links);
        more.add(new LinkTarget(name, listenPort, upstreamHost, upstreamPort));
        return new LinkSimulatorSettings(bindHost, more, profile, profiles, probeInterval, detectMultiplier, riseThreshold);
    }

    /** These settings starting with another profile. */
    public LinkSimulatorSettings withProfile(String name) {
        return new LinkSimulatorSettings(bindHost, links, name, profiles, probeInterval, detectMultiplier, riseThreshold);
    }
}
