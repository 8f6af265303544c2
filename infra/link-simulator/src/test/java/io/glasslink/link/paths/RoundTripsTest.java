package io.glasslink.link.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The measured round trip of a path: what a probe takes to cross it both ways through the path's delay model,
 * timed when it returns; lost during an outage. Lower bounds are exact (a probe never returns before its
 * configured delays); upper bounds leave room for a loaded machine's scheduling.
 */
class RoundTripsTest {

    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final LinkPaths paths = new LinkPaths(new LinkProfile("test", Map.of(
            PathId.DIRECT_CONNECT, PathProfile.symmetric(DirectionSettings.latency(1, 0)),
            PathId.VPN, new PathProfile(DirectionSettings.latency(15, 0), DirectionSettings.latency(5, 0)))), 3, 3);
    private final RoundTrips roundTrips = new RoundTrips(paths, scheduler);
    private final BlockingQueue<Measured> measured = new LinkedBlockingQueue<>();

    record Measured(PathId path, long nanos) {
    }

    RoundTripsTest() {
        roundTrips.onMeasured((path, nanos) -> measured.add(new Measured(path, nanos)));
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aProbeTakesTheLatencyOfBothDirectionsOfItsPath() throws InterruptedException {
        roundTrips.probe();
        List<Measured> both = List.of(next(), next());
        long dx = both.stream().filter(m -> m.path() == PathId.DIRECT_CONNECT).findFirst().orElseThrow().nanos();
        long vpn = both.stream().filter(m -> m.path() == PathId.VPN).findFirst().orElseThrow().nanos();
        assertThat(dx).isBetween(ms(2), ms(2) + SLACK_NANOS);
        assertThat(vpn).as("15 ms out, 5 ms back").isBetween(ms(20), ms(20) + SLACK_NANOS);
        assertThat(roundTrips.last(PathId.VPN)).hasValue(vpn);
    }

    @Test
    void aProbeWaitsForTheWireWhenThePathsBandwidthIsTaken() throws InterruptedException {
        paths.change(PathId.DIRECT_CONNECT, Direction.TO_ONPREM, new SettingsChange(null, null, 10.0, null, null));
        // 125 kB at 10 Mbit/s hold the wire for 100 ms: the probe queues behind them as a packet would
        paths.path(PathId.DIRECT_CONNECT).reserveWire(Direction.TO_ONPREM, 125_000, System.nanoTime());
        roundTrips.probe();
        long dx = until(PathId.DIRECT_CONNECT);
        assertThat(dx).isGreaterThanOrEqualTo(ms(102));
    }

    @Test
    void anOutageLosesTheProbesAndThePathHasNoRoundTripUntilOneReturns() throws InterruptedException {
        roundTrips.probe();
        until(PathId.VPN);
        assertThat(roundTrips.last(PathId.VPN)).isPresent();

        paths.outage(PathId.VPN, Direction.TO_CLOUD, OutageMode.BLACKHOLE);
        roundTrips.probe();
        until(PathId.DIRECT_CONNECT);
        awaitLost(PathId.VPN);
        assertThat(measured).noneMatch(m -> m.path() == PathId.VPN);

        paths.outage(PathId.VPN, OutageMode.NONE);
        roundTrips.probe();
        assertThat(until(PathId.VPN)).isBetween(ms(20), ms(20) + SLACK_NANOS);
    }

    @Test
    void aRefusedPathLosesItsProbeAtOnce() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        roundTrips.probe();
        assertThat(roundTrips.last(PathId.DIRECT_CONNECT)).isEqualTo(OptionalLong.empty());
    }

    private Measured next() throws InterruptedException {
        Measured m = measured.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a probe returned").isNotNull();
        return m;
    }

    private long until(PathId path) throws InterruptedException {
        while (true) {
            Measured m = next();
            if (m.path() == path) {
                return m.nanos();
            }
        }
    }

    /** Waits until the probe in flight has met the outage (its echo is due 15 ms after it was sent). */
    private void awaitLost(PathId path) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> assertThat(roundTrips.last(path)).as(path + " after a lost probe").isEmpty());
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
