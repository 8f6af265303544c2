package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.SettingsChange;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bandwidth limit is honoured roughly: the transfer takes about size / rate, and never much less. */
class BandwidthTest {

    @Test
    void aTransferOverALimitedPathTakesAboutSizeOverBandwidth() throws Exception {
        int size = 6 * 1024 * 1024;
        double mbps = 80; // 10 MB/s: the echo crosses the limit twice, in parallel directions
        try (EchoServer upstream = new EchoServer();
                LinkSimulator link = LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile("zero")
                        .withLink("echo", 0, "127.0.0.1", upstream.port()))) {
            for (Direction d : Direction.values()) {
                link.change(PathId.DIRECT_CONNECT, d, new SettingsChange(null, null, mbps, null, null));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.listenPort("echo"))) {
                long start = System.nanoTime();
                OutputStream out = socket.getOutputStream();
                CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                    try {
                        out.write(new byte[size]);
                        socket.shutdownOutput();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                long received = drain(socket.getInputStream());
                double seconds = (System.nanoTime() - start) / 1e9;
                sender.get(10, TimeUnit.SECONDS);
                assertThat(received).isEqualTo(size);
                double observedMbps = received * 8 / seconds / 1e6;
                assertThat(observedMbps).isBetween(mbps * 0.6, mbps * 1.05);
            }
        }
    }

    private static long drain(InputStream in) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
        }
        return total;
    }
}
