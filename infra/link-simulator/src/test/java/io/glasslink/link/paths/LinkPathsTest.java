package io.glasslink.link.paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkPathsTest {

    private final LinkPaths paths = new LinkPaths(new LinkProfile("test", Map.of(
            PathId.DIRECT_CONNECT, PathProfile.symmetric(DirectionSettings.latency(1, 0.3)),
            PathId.VPN, PathProfile.symmetric(DirectionSettings.latency(15, 5)))), 3, 3);

    @Test
    void newConnectionsTakeDirectConnectWhileItAnswers() {
        probe(10);
        assertThat(paths.active()).isEqualTo(PathId.DIRECT_CONNECT);
        assertThat(paths.failovers()).isZero();
    }

    @Test
    void directConnectIsDeclaredDownAfterThreeLostProbesNotBefore() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
        probe(2);
        assertThat(paths.active()).isEqualTo(PathId.DIRECT_CONNECT);
        probe(1);
        assertThat(paths.active()).isEqualTo(PathId.VPN);
        assertThat(paths.path(PathId.DIRECT_CONNECT).isUp()).isFalse();
        assertThat(paths.failovers()).isEqualTo(1);
    }

    @Test
    void trafficFailsBackAfterThreeAnsweredProbes() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        probe(3);
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.NONE);
        probe(2);
        assertThat(paths.active()).isEqualTo(PathId.VPN);
        probe(1);
        assertThat(paths.active()).isEqualTo(PathId.DIRECT_CONNECT);
        assertThat(paths.failbacks()).isEqualTo(1);
    }

    @Test
    void aLostProbeInBetweenRestartsTheMissCount() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
        probe(2);
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.NONE);
        probe(1);
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
        probe(2);
        assertThat(paths.active()).isEqualTo(PathId.DIRECT_CONNECT);
    }

    @Test
    void aOneWayOutageFailsTheProbesOfThePath() {
        paths.outage(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, OutageMode.BLACKHOLE);
        probe(3);
        assertThat(paths.active()).isEqualTo(PathId.VPN);
        assertThat(paths.path(PathId.DIRECT_CONNECT).outage(Direction.TO_ONPREM)).isEqualTo(OutageMode.NONE);
        assertThat(paths.path(PathId.DIRECT_CONNECT).outage()).isEqualTo(OutageMode.BLACKHOLE);
    }

    @Test
    void aRefusingDirectionMakesThePathRefuseAsAWhole() {
        paths.outage(PathId.VPN, Direction.TO_ONPREM, OutageMode.BLACKHOLE);
        paths.outage(PathId.VPN, Direction.TO_CLOUD, OutageMode.REFUSE);
        assertThat(paths.path(PathId.VPN).outage()).isEqualTo(OutageMode.REFUSE);
    }

    @Test
    void whenBothPathsAreDownNewConnectionsStayOnDirectConnect() {
        paths.outage(PathId.VPN, OutageMode.BLACKHOLE);
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
        probe(3);
        assertThat(paths.active()).isEqualTo(PathId.DIRECT_CONNECT);
        assertThat(paths.all()).noneMatch(Path::isUp);
    }

    @Test
    void applyingAProfileReplacesSettingsAndOutagesOfBothPaths() {
        paths.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        paths.change(PathId.VPN, Direction.TO_CLOUD, new SettingsChange(40.0, null, null, null, null));
        paths.apply(new LinkProfile("zero", Map.of()));
        assertThat(paths.path(PathId.DIRECT_CONNECT).outage()).isEqualTo(OutageMode.NONE);
        assertThat(paths.path(PathId.VPN).settings(Direction.TO_CLOUD)).isEqualTo(DirectionSettings.NONE);
        assertThat(paths.appliedProfile().name()).isEqualTo("zero");
    }

    @Test
    void aChangeTouchesOnlyTheNamedDirectionAndFields() {
        paths.change(PathId.VPN, Direction.TO_ONPREM, new SettingsChange(null, 1.0, 10.0, null, null));
        assertThat(paths.path(PathId.VPN).settings(Direction.TO_ONPREM))
                .isEqualTo(new DirectionSettings(15, 1, 10, 0, 0, OutageMode.NONE));
        assertThat(paths.path(PathId.VPN).settings(Direction.TO_CLOUD)).isEqualTo(DirectionSettings.latency(15, 5));
    }

    @Test
    void negativeValuesAreRejectedAndLeaveTheSettingsUnchanged() {
        assertThatThrownBy(() -> paths.change(PathId.VPN, Direction.TO_ONPREM,
                new SettingsChange(-1.0, null, null, null, null))).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> new DirectionSettings(0, Double.NaN, 0, 0, 0, OutageMode.NONE))
                .isInstanceOf(InvalidSettingException.class);
        assertThat(paths.path(PathId.VPN).settings(Direction.TO_ONPREM)).isEqualTo(DirectionSettings.latency(15, 5));
    }

    @Test
    void theWireIsSharedSoBackToBackChunksQueueBehindEachOther() {
        for (Direction d : Direction.values()) {
            paths.change(PathId.DIRECT_CONNECT, d, new SettingsChange(null, null, 8.0, null, null));
        }
        Path dx = paths.path(PathId.DIRECT_CONNECT);
        // 1000 bytes at 8 Mbit/s take 1 ms on the wire
        long first = dx.reserveWire(Direction.TO_ONPREM, 1000, 0);
        long second = dx.reserveWire(Direction.TO_ONPREM, 1000, 0);
        assertThat(first).isEqualTo(1_000_000);
        assertThat(second).isEqualTo(2_000_000);
        assertThat(dx.reserveWire(Direction.TO_CLOUD, 1000, 0)).isEqualTo(1_000_000);
    }

    private void probe(int times) {
        for (int i = 0; i < times; i++) {
            paths.probe();
        }
    }
}
