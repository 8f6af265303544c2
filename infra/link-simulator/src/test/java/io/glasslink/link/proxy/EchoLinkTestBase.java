package io.glasslink.link.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator (zero profile) with one link "echo" to a fresh echo server, for each test. */
abstract class EchoLinkTestBase {

    protected EchoServer upstream;
    protected LinkSimulator link;

    @BeforeEach
    void startLink() throws Exception {
        upstream = new EchoServer();
        link = LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile("zero")
                .withLink("echo", 0, "127.0.0.1", upstream.port()));
    }

    @AfterEach
    void stopLink() throws Exception {
        link.close();
        upstream.close();
    }

    static void awaitActive(LinkSimulator link, PathId path) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (link.activePath() != path && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(link.activePath()).isEqualTo(path);
    }
}
