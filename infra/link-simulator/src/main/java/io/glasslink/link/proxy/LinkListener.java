package io.glasslink.link.proxy;

import io.glasslink.link.paths.LinkPaths;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.Path;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cloud-side entry of one link (for example supply-chain): accepts connections and sends each over the
 * path that is active at that moment to the same on-premise upstream.
 */
public final class LinkListener implements Closeable {

    private final String name;
    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final LinkPaths paths;
    private final ProxyServer proxy;
    private final AtomicLong sequence = new AtomicLong();
    private final Thread acceptor;

    LinkListener(String name, InetSocketAddress bind, InetSocketAddress upstream, LinkPaths paths, ProxyServer proxy)
            throws IOException {
        this.name = name;
        this.upstream = upstream;
        this.paths = paths;
        this.proxy = proxy;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(bind, 512);
        this.acceptor = new Thread(this::acceptLoop, "link-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Name of the link. */
    public String name() {
        return name;
    }

    /** The port the link listens on (the actual one when 0 was asked). */
    public int listenPort() {
        return server.getLocalPort();
    }

    /** Where the link leads. */
    public InetSocketAddress upstream() {
        return upstream;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
                client.setTcpNoDelay(true);
            } catch (IOException e) {
                pauseAfterAcceptFailure();
                continue;
            }
            Path path = paths.path(paths.active());
            if (path.outage() == OutageMode.REFUSE) {
                proxy.refused(path.id());
                ProxyConnection.reset(client);
                continue;
            }
            String connectionName = "link-" + name + "-" + sequence.incrementAndGet();
            proxy.register(connectionName, client, upstream, path).start();
        }
    }

    /** Accepting can fail for a while (out of file descriptors): do not spin on it. */
    private void pauseAfterAcceptFailure() {
        if (!server.isClosed()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
