package io.glasslink.link.paths;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The measured round trip of a path: what a probe takes to cross it both ways through the path's delay model,
 * lost during an outage. Run on virtual time, so the figures are exact on any machine (the real-time measurement
 * is the control API's and the gateway's tests).
 */
class RoundTripsTest {

    private final VirtualTime time = new VirtualTime();
    private final LinkPaths paths = new LinkPaths(new LinkProfile("test", Map.of(
            PathId.DIRECT_CONNECT, PathProfile.symmetric(DirectionSettings.latency(1, 0)),
            PathId.VPN, new PathProfile(DirectionSettings.latency(15, 0), DirectionSettings.latency(5, 0)))), 3, 3);
    private final RoundTrips roundTrips = new RoundTrips(paths, time::now, time);
    private final List<Measured> measured = new ArrayList<>();

    record Measured(PathId path, long nanos) {
    }

    RoundTripsTest() {
        roundTrips.onMeasured((path, nanos) -> measured.add(new Measured(path, nanos)));
    }

    @Test
    void aProbeTakesTheLatencyOfBothDirectionsOfItsPath() {
        roundTrips.probe();
        time.advance(ms(100));
        assertThat(measured).containsExactly(new Measured(PathId.DIRECT_CONNECT, ms(2)),
                new Measured(PathId.VPN, ms(20)));
        assertThat(roundTrips.last(PathId.VPN)).hasValue(ms(20));
        assertThat(roundTrips.last(PathId.DIRECT_CONNECT)).hasValue(ms(2));
    }

    @Test
    void theJitterOfAPathShowsInItsRoundTripWithinItsBounds() {
        paths.change(PathId.VPN, Direction.TO_ONPREM, new SettingsChange(null, 5.0, null, null, null));
        for (int i = 0; i < 50; i++) {
            roundTrips.probe();
            time.advance(ms(300));
        }
        List<Long> vpn = measured.stream().filter(m -> m.path() == PathId.VPN).map(Measured::nanos).toList();
        assertThat(vpn).hasSize(50).allSatisfy(n -> assertThat(n).isBetween(ms(15), ms(25)));
        assertThat(vpn.stream().distinct().count()).as("the jitter varies the round trip").isGreaterThan(1);
    }

    @Test
    void aProbeWaitsForTheWireWhenThePathsBandwidthIsTaken() {
        paths.change(PathId.DIRECT_CONNECT, Direction.TO_ONPREM, new SettingsChange(null, null, 10.0, null, null));
        // 125 kB at 10 Mbit/s hold the wire for 100 ms: the probe queues behind them as a packet would
        paths.path(PathId.DIRECT_CONNECT).reserveWire(Direction.TO_ONPREM, 125_000, time.now());
        roundTrips.probe();
        time.advance(ms(500));
        long probeOnTheWire = 64 * 8_000 / 10; // 64 bytes at 10 Mbit/s, in ns
        assertThat(roundTrips.last(PathId.DIRECT_CONNECT)).hasValue(ms(100) + probeOnTheWire + ms(2));
    }

    @Test
    void anOutageLosesTheProbesAndThePathHasNoRoundTripUntilOneReturns() {
        roundTrips.probe();
        time.advance(ms(100));
        assertThat(roundTrips.last(PathId.VPN)).isPresent();

        paths.outage(PathId.VPN, Direction.TO_CLOUD, OutageMode.BLACKHOLE);
        measured.clear();
        roundTrips.probe();
        time.advance(ms(100));
        assertThat(roundTrips.last(PathId.VPN)).isEmpty();
        assertThat(measured).extracting(Measured::path).containsExactly(PathId.DIRECT_CONNECT);

        paths.outage(PathId.VPN, OutageMode.NONE);
        roundTrips.probe();
        time.advance(ms(100));
        assertThat(roundTrips.last(PathId.VPN)).hasValue(ms(20));
    }

    @Test
    void aProbeInFlightWhenTheOutageBeginsIsLost() {
        roundTrips.probe();
        time.advance(ms(16)); // the VPN probe reached the far end at 15 ms and is coming back
        paths.outage(PathId.VPN, Direction.TO_CLOUD, OutageMode.BLACKHOLE);
        time.advance(ms(100));
        assertThat(roundTrips.last(PathId.VPN)).isEmpty();
    }

    @Test
    void aRefusedPathLosesItsProbeAtOnce() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        roundTrips.probe();
        assertThat(roundTrips.last(PathId.DIRECT_CONNECT)).isEmpty();
        time.advance(ms(100));
        assertThat(measured).extracting(Measured::path).containsExactly(PathId.VPN);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** A clock that moves only when told, running each task when it reaches the task's time. */
    private static final class VirtualTime implements RoundTrips.Timeline {

        private record Task(long at, long order, Runnable run) {
        }

        private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at() != b.at()
                ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
        private long now = 1_000_000_000L;
        private long scheduled;

        long now() {
            return now;
        }

        @Override
        public void at(long nanoTime, Runnable task) {
            tasks.add(new Task(nanoTime, scheduled++, task));
        }

        void advance(long nanos) {
            long until = now + nanos;
            while (!tasks.isEmpty() && tasks.peek().at() <= until) {
                Task task = tasks.poll();
                now = Math.max(now, task.at());
                task.run().run();
            }
            now = until;
        }
    }
}
