package io.glasslink.booking.events.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port in front of a Kafka broker that forwards bytes both ways until it is paused: then it holds
 * whatever it reads, as a stalled broker or a congested path would, and passes it on when resumed. Requests a client
 * gave up on meanwhile still arrive, as they would over TCP. Copied from planning's SwitchableTcpProxy (services
 * share no code, tests included) and given a pause.
 */
final class PausableTcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean paused;
    private volatile String targetHost;
    private volatile int targetPort;

    /** Binds a port of its own at once (the broker advertises it); forwards once {@link #forwardTo} is called. */
    PausableTcpProxy() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many client connections went through. */
    int connections() {
        return connections.get();
    }

    /** Starts accepting and forwarding to {@code host:port}. */
    void forwardTo(String host, int port) {
        this.targetHost = host;
        this.targetPort = port;
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    connections.incrementAndGet();
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }, "kafka-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Holds every byte from now on. */
    void pause() {
        paused = true;
    }

    /** Passes on what was held, and forwards again. */
    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    waitWhilePaused();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // one side closed: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "kafka-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (gate) {
            while (paused) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(PausableTcpProxy::closeQuietly);
        resume();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
