package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.SettingsChange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** Outages, resets, data limits and slow close, as Toxiproxy defines them. */
class FaultsTest extends EchoLinkTestBase {

    @Test
    void refuseOutageResetsEstablishedConnectionsOnThePath() throws Exception {
        try (Socket socket = connect()) {
            assertEcho(socket, 'a');
            link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
            assertThatThrownBy(() -> {
                socket.getOutputStream().write('b');
                socket.getInputStream().read();
            }).isInstanceOf(SocketException.class);
        }
    }

    @Test
    void refuseOutageResetsNewConnectionsUntilTheProbesMoveThemToTheVpn() throws Exception {
        link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        try (Socket socket = connect()) {
            assertThatThrownBy(() -> {
                socket.getOutputStream().write('a');
                socket.getInputStream().read();
            }).isInstanceOf(SocketException.class);
        }
        awaitActive(link, PathId.VPN);
        try (Socket socket = connect()) {
            assertEcho(socket, 'c');
        }
    }

    @Test
    void blackholeOutageStallsDataWhichArrivesOnceThePathIsBack() throws Exception {
        try (Socket socket = connect()) {
            assertEcho(socket, 'a');
            link.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
            socket.setSoTimeout(400);
            socket.getOutputStream().write('b');
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            link.outage(PathId.DIRECT_CONNECT, OutageMode.NONE);
            socket.setSoTimeout(2_000);
            assertThat(socket.getInputStream().read()).isEqualTo('b');
        }
    }

    @Test
    void oneWayBlackholeStallsOnlyThatDirection() throws Exception {
        try (Socket socket = connect()) {
            assertEcho(socket, 'a');
            link.outage(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, OutageMode.BLACKHOLE);
            socket.setSoTimeout(400);
            socket.getOutputStream().write('b');
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            // the request went through: the upstream echoed it, the answer is what stalls
            assertThat(link.state().paths().get("direct-connect").bytes()).containsEntry("to-onprem", 2L);
            link.outage(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, OutageMode.NONE);
            socket.setSoTimeout(2_000);
            assertThat(socket.getInputStream().read()).isEqualTo('b');
        }
    }

    @Test
    void establishedConnectionsKeepTheirPathAfterAFailover() throws Exception {
        try (Socket onDirectConnect = connect()) {
            assertEcho(onDirectConnect, 'a');
            link.outage(PathId.DIRECT_CONNECT, OutageMode.BLACKHOLE);
            awaitActive(link, PathId.VPN);
            try (Socket onVpn = connect()) {
                assertEcho(onVpn, 'b');
                assertThat(link.state().paths().get("vpn").activeConnections()).isEqualTo(1);
                assertThat(link.state().paths().get("direct-connect").activeConnections()).isEqualTo(1);
            }
        }
    }

    @Test
    void resetConnectionsSendsAnRstToEveryConnectionOfThePath() throws Exception {
        try (Socket first = connect(); Socket second = connect()) {
            assertEcho(first, 'a');
            assertEcho(second, 'b');
            assertThat(link.resetConnections(PathId.DIRECT_CONNECT)).isEqualTo(2);
            assertThatThrownBy(() -> first.getInputStream().read()).isInstanceOf(SocketException.class);
        }
        assertThat(link.resetConnections(PathId.VPN)).isZero();
    }

    @Test
    void aConnectionIsResetWhenTheUpstreamIsDown() throws Exception {
        // the down upstream keeps its port (bound, never listening): a closed listener's port can be bound again by
        // any other process before the link connects, which then accepts instead of refusing
        try (Socket downUpstream = new Socket()) {
            downUpstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (LinkSimulator toDownUpstream = LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile("zero")
                    .withLink("down", 0, "127.0.0.1", downUpstream.getLocalPort()));
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), toDownUpstream.listenPort("down"))) {
                socket.setSoTimeout(2_000);
                assertThatThrownBy(() -> {
                    socket.getOutputStream().write('a');
                    if (socket.getInputStream().read() < 0) {
                        throw new SocketException("closed without reset");
                    }
                }).isInstanceOf(SocketException.class).hasMessageMatching("(?i).*(reset|broken pipe).*");
            }
        }
    }

    @Test
    void limitDataClosesTheConnectionOnceTheLimitIsDelivered() throws Exception {
        link.change(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, new SettingsChange(null, null, null, 10L, null));
        try (Socket socket = connect()) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write(new byte[25]);
            byte[] received = ProxyingTest.readAll(socket.getInputStream());
            assertThat(received).hasSize(10);
        }
    }

    @Test
    void slowCloseDelaysTheEndOfStream() throws Exception {
        link.change(PathId.DIRECT_CONNECT, Direction.TO_CLOUD, new SettingsChange(null, null, null, null, 300.0));
        try (Socket socket = connect()) {
            socket.setSoTimeout(3_000);
            assertEcho(socket, 'a');
            long start = System.nanoTime();
            socket.shutdownOutput();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.listenPort("echo"));
        socket.setSoTimeout(2_000);
        return socket;
    }

    private static void assertEcho(Socket socket, char c) throws IOException {
        socket.getOutputStream().write(c);
        InputStream in = socket.getInputStream();
        assertThat(in.read()).isEqualTo(c);
    }
}
