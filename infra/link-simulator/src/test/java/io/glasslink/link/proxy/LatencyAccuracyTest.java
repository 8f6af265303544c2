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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round-trip time added by the simulator (median through it minus median direct) is within ±10% or ±0.2 ms
 * of the configured one (the sum of both one-way latencies).
 */
class LatencyAccuracyTest {

    private static EchoServer upstream;
    private static double directMedianMillis;

    @BeforeAll
    static void measureDirect() throws Exception {
        upstream = new EchoServer();
        directMedianMillis = RoundTrips.medianMillis(upstream.port(), 200, 500);
    }

    @AfterAll
    static void stop() throws Exception {
        upstream.close();
    }

    @Test
    void directConnectDefaultAddsTwoMillisecondsRoundTrip() throws Exception {
        try (LinkSimulator link = start("dx")) {
            double added = RoundTrips.medianMillis(link.listenPort("echo"), 100, 600) - directMedianMillis;
            assertThat(added).isCloseTo(2.0, within(tolerance(2.0)));
        }
    }

    @Test
    void vpnDefaultAddsThirtyMillisecondsRoundTripDespiteJitter() throws Exception {
        try (LinkSimulator link = start("dx")) {
            link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
            awaitActive(link, PathId.VPN);
            double added = RoundTrips.medianMillis(link.listenPort("echo"), 5, 80) - directMedianMillis;
            assertThat(added).isCloseTo(30.0, within(tolerance(30.0)));
        }
    }

    @Test
    void asymmetricLatencyChangedAtRunTimeIsTheSumOfBothDirections() throws Exception {
        try (LinkSimulator link = start("zero")) {
            link.change(PathId.DIRECT_CONNECT, Direction.TO_ONPREM, new SettingsChange(3.0, 0.0, null, null, null));
            link.change(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, new SettingsChange(0.5, 0.0, null, null, null));
            double added = RoundTrips.medianMillis(link.listenPort("echo"), 50, 300) - directMedianMillis;
            assertThat(added).isCloseTo(3.5, within(tolerance(3.5)));
        }
    }

    private static double tolerance(double configuredMillis) {
        return Math.max(0.1 * configuredMillis, 0.2);
    }

    static LinkSimulator start(String profile) {
        return LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile(profile)
                .withLink("echo", 0, "127.0.0.1", upstream.port()));
    }

    static void awaitActive(LinkSimulator link, PathId path) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (link.activePath() != path && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(link.activePath()).isEqualTo(path);
    }
}
