package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cutting Direct Connect moves new connections to the VPN within a second (three 300 ms probes) and restoring
 * it brings them back. Time is counted in the link's probe rounds, so a loaded machine delays the test but
 * cannot change its answer.
 */
class FailoverTest extends EchoLinkTestBase {

    @ParameterizedTest
    @EnumSource(value = OutageMode.class, names = {"REFUSE", "BLACKHOLE"})
    void newConnectionsMoveToTheVpnWithinOneSecondAndBackAfterRecovery(OutageMode mode) throws Exception {
        LinkSimulatorSettings settings = LinkSimulatorSettings.defaults();
        Duration probeInterval = settings.probeInterval();

        link.outage(PathId.DIRECT_CONNECT, mode);
        long cutRound = link.probeRounds();
        awaitActive(link, PathId.VPN);
        Duration failoverTime = probeInterval.multipliedBy(link.lastSwitchRound() - cutRound);
        assertThat(failoverTime).isLessThanOrEqualTo(probeInterval.multipliedBy(settings.detectMultiplier()))
                .isLessThan(Duration.ofSeconds(1));
        assertThat(link.state().failovers()).isEqualTo(1);
        assertNewConnectionTakes(PathId.VPN, PathId.DIRECT_CONNECT);

        link.outage(PathId.DIRECT_CONNECT, OutageMode.NONE);
        long restoreRound = link.probeRounds();
        awaitActive(link, PathId.DIRECT_CONNECT);
        assertThat(link.lastSwitchRound() - restoreRound).isLessThanOrEqualTo(settings.riseThreshold());
        assertThat(link.state().failbacks()).isEqualTo(1);
        assertNewConnectionTakes(PathId.DIRECT_CONNECT, PathId.VPN);
    }

    /** Opens a fresh connection, echoes one byte through it and, while it is open, sees which path carries it. */
    private void assertNewConnectionTakes(PathId taken, PathId other) throws IOException {
        int takenBefore = link.state().paths().get(taken.wireName()).activeConnections();
        int otherBefore = link.state().paths().get(other.wireName()).activeConnections();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.listenPort("echo"))) {
            // only a guard against a hang: the path is chosen, the echo must come back whatever the load
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write('x');
            assertThat(socket.getInputStream().read()).isEqualTo('x');
            assertThat(link.state().paths().get(taken.wireName()).activeConnections()).isEqualTo(takenBefore + 1);
            assertThat(link.state().paths().get(other.wireName()).activeConnections()).isLessThanOrEqualTo(otherBefore);
        }
    }
}
