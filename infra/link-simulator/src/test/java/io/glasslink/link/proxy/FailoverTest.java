package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With connections being opened all the time, cutting Direct Connect moves new connections to the VPN within
 * a second (three 300 ms probes) and restoring it brings them back.
 */
class FailoverTest extends EchoLinkTestBase {

    @ParameterizedTest
    @EnumSource(value = OutageMode.class, names = {"REFUSE", "BLACKHOLE"})
    void newConnectionsMoveToTheVpnWithinOneSecondAndBackAfterRecovery(OutageMode mode) throws Exception {
        long cut = System.nanoTime();
        link.outage(PathId.DIRECT_CONNECT, mode);
        long firstVpnConnection = 0;
        while (System.nanoTime() - cut < 2_000_000_000L) {
            if (echoOnce() && link.state().paths().get("vpn").activeConnections() + vpnBytes() > 0) {
                firstVpnConnection = System.nanoTime();
                break;
            }
        }
        assertThat(firstVpnConnection).isPositive();
        assertThat((firstVpnConnection - cut) / 1_000_000).isLessThan(1_000);
        assertThat(link.state().failovers()).isEqualTo(1);

        link.outage(PathId.DIRECT_CONNECT, OutageMode.NONE);
        awaitActive(link, PathId.DIRECT_CONNECT);
        long vpnBefore = vpnBytes();
        long directBefore = link.state().paths().get("direct-connect").bytes().get("to-cloud");
        assertThat(echoOnce()).isTrue();
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (link.state().paths().get("direct-connect").bytes().get("to-cloud") == directBefore
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(link.state().paths().get("direct-connect").bytes().get("to-cloud")).isEqualTo(directBefore + 1);
        assertThat(vpnBytes()).isEqualTo(vpnBefore);
        assertThat(link.state().failbacks()).isEqualTo(1);
    }

    private long vpnBytes() {
        return link.state().paths().get("vpn").bytes().get("to-cloud");
    }

    /** Opens a fresh connection and echoes one byte; false when the connection failed or stalled. */
    private boolean echoOnce() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.listenPort("echo"))) {
            socket.setSoTimeout(50);
            socket.getOutputStream().write('x');
            return socket.getInputStream().read() == 'x';
        } catch (IOException e) {
            return false;
        }
    }
}
