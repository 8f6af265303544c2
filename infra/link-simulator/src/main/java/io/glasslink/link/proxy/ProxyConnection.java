package io.glasslink.link.proxy;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.Path;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A client connection proxied to the upstream over one path, for its whole life (it never changes path). */
final class ProxyConnection {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String name;
    private final Socket client;
    private final InetSocketAddress upstreamAddress;
    private final Path path;
    private final PathMeters meters;
    private final Consumer<ProxyConnection> onClosed;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger halfClosed = new AtomicInteger();
    private final Socket upstream = new Socket();

    ProxyConnection(String name, Socket client, InetSocketAddress upstreamAddress, Path path, PathMeters meters,
            Consumer<ProxyConnection> onClosed) {
        this.name = name;
        this.client = client;
        this.upstreamAddress = upstreamAddress;
        this.path = path;
        this.meters = meters;
        this.onClosed = onClosed;
    }

    Path path() {
        return path;
    }

    /** Connects to the upstream and runs both pipes, all off the accepting thread. */
    void start() {
        spawn("to-onprem-read", () -> {
            try {
                upstream.setTcpNoDelay(true);
                upstream.connect(upstreamAddress, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                abort();
                return;
            }
            Pipe toOnPrem = new Pipe(this, Direction.TO_ONPREM, client, upstream, path, meters);
            Pipe toCloud = new Pipe(this, Direction.TO_CLOUD, upstream, client, path, meters);
            spawn("to-onprem-write", toOnPrem::writeLoop);
            spawn("to-cloud-read", toCloud::readLoop);
            spawn("to-cloud-write", toCloud::writeLoop);
            toOnPrem.readLoop();
        });
    }

    void halfClose(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            abort();
            return;
        }
        if (halfClosed.incrementAndGet() == 2) {
            close();
        }
    }

    /** Closes both sides with FIN. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            quietClose(client);
            quietClose(upstream);
            finish();
        }
    }

    /** Closes both sides with RST, as when a path refuses or a connection is reset. */
    void abort() {
        if (closed.compareAndSet(false, true)) {
            reset(client);
            reset(upstream);
            finish();
        }
    }

    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        quietClose(socket);
    }

    private void finish() {
        Thread current = Thread.currentThread();
        threads.stream().filter(t -> t != current).forEach(Thread::interrupt);
        onClosed.accept(this);
    }

    private void spawn(String role, Runnable task) {
        Thread thread = new Thread(task, name + "-" + role);
        thread.setDaemon(true);
        threads.add(thread);
        if (closed.get()) {
            return;
        }
        thread.start();
    }

    private static void quietClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
