package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.SettingsChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round-trip time added by the configured latency (median through the simulator minus median through the
 * simulator with the zero profile) is within ±10% or ±0.2 ms of the configured one (the sum of both one-way
 * latencies). The cost of the proxy hop itself is reported against a direct connection in docs/benchmarks.md.
 */
class LatencyAccuracyTest {

    private static EchoServer upstream;
    private static double baselineMillis;

    @BeforeAll
    static void measureBaseline() throws Exception {
        upstream = new EchoServer();
        try (LinkSimulator link = start("zero")) {
            baselineMillis = RoundTrips.medianMillis(link.listenPort("echo"), 200, 600);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        upstream.close();
    }

    @Test
    void directConnectDefaultAddsTwoMillisecondsRoundTrip() throws Exception {
        try (LinkSimulator link = start("dx")) {
            assertAddedRoundTrip(link.listenPort("echo"), 100, 500, 2.0);
        }
    }

    @Test
    void vpnDefaultAddsThirtyMillisecondsRoundTripDespiteJitter() throws Exception {
        try (LinkSimulator link = start("dx")) {
            link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
            EchoLinkTestBase.awaitActive(link, PathId.VPN);
            assertAddedRoundTrip(link.listenPort("echo"), 5, 80, 30.0);
        }
    }

    @Test
    void asymmetricLatencyChangedAtRunTimeIsTheSumOfBothDirections() throws Exception {
        try (LinkSimulator link = start("zero")) {
            link.change(PathId.DIRECT_CONNECT, Direction.TO_ONPREM, new SettingsChange(3.0, 0.0, null, null, null));
            link.change(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, new SettingsChange(0.5, 0.0, null, null, null));
            assertAddedRoundTrip(link.listenPort("echo"), 50, 300, 3.5);
        }
    }

    /**
     * Measures the median added round trip up to three times and keeps the attempt closest to the configured
     * value: the machine is shared, and a burst of load from elsewhere delays every wake-up for a while. A
     * simulator that adds the wrong delay fails every attempt.
     */
    private static void assertAddedRoundTrip(int port, int warmUp, int samples, double configuredMillis)
            throws Exception {
        List<Double> attempts = new ArrayList<>();
        double best = Double.NaN;
        for (int attempt = 0; attempt < 3; attempt++) {
            double added = RoundTrips.medianMillis(port, warmUp, samples) - baselineMillis;
            attempts.add(added);
            if (attempts.size() == 1 || Math.abs(added - configuredMillis) < Math.abs(best - configuredMillis)) {
                best = added;
            }
            if (Math.abs(best - configuredMillis) <= tolerance(configuredMillis)) {
                break;
            }
        }
        System.out.printf("added RTT %s ms (zero-profile median %.3f ms), configured %.3f ms%n", attempts,
                baselineMillis, configuredMillis);
        assertThat(best).as("median added RTT of attempts %s", attempts)
                .isCloseTo(configuredMillis, within(tolerance(configuredMillis)));
    }

    private static double tolerance(double configuredMillis) {
        return Math.max(0.1 * configuredMillis, 0.2);
    }

    static LinkSimulator start(String profile) {
        return LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile(profile)
                .withLink("echo", 0, "127.0.0.1", upstream.port()));
    }
}
