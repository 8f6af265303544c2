package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.PathId;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyingTest {

    private EchoServer upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = new EchoServer();
    }

    @AfterEach
    void stopUpstream() throws Exception {
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero", "dx"})
    void everyByteSentComesBackIdenticalAndInOrderOnALargeTransfer(String profile) throws Exception {
        try (LinkSimulator link = LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile(profile)
                .withLink("echo", 0, "127.0.0.1", upstream.port()))) {
            byte[] payload = new byte[24 * 1024 * 1024];
            new Random(42).nextBytes(payload);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), link.listenPort("echo"))) {
                OutputStream out = socket.getOutputStream();
                CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                    try {
                        // uneven writes, so chunks of many sizes cross the delay lines
                        int offset = 0;
                        Random sizes = new Random(7);
                        while (offset < payload.length) {
                            int n = Math.min(payload.length - offset, 1 + sizes.nextInt(100_000));
                            out.write(payload, offset, n);
                            offset += n;
                        }
                        socket.shutdownOutput();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                byte[] received = readAll(socket.getInputStream());
                sender.get(30, TimeUnit.SECONDS);
                assertThat(received.length).isEqualTo(payload.length);
                assertThat(sha256(received)).isEqualTo(sha256(payload));
            }
            assertThat(link.state().paths().get("direct-connect").bytes())
                    .containsEntry(Direction.TO_ONPREM.wireName(), (long) payload.length)
                    .containsEntry(Direction.TO_CLOUD.wireName(), (long) payload.length);
            assertThat(link.activePath()).isEqualTo(PathId.DIRECT_CONNECT);
        }
    }

    static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
