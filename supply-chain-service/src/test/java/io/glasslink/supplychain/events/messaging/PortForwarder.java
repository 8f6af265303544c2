package io.glasslink.supplychain.events.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP connections from a local port to another address, for as long as it is open: a
 * stand-in for "the broker is reachable at this address again" (Kafka clients only bootstrap
 * through it, then talk to the broker's advertised address).
 */
final class PortForwarder implements AutoCloseable {

    private final ServerSocket server;

    PortForwarder(int port, String targetHost, int targetPort) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(targetHost, targetPort);
                    pipe(client.getInputStream(), target.getOutputStream(), client, target);
                    pipe(target.getInputStream(), client.getOutputStream(), client, target);
                } catch (IOException e) {
                    // closed, or the target refused: the client sees a dropped connection and retries
                }
            }
        }, "port-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(InputStream in, OutputStream out, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
