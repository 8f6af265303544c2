package io.glasslink.link.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;

/** Ping-pong of one byte over one connection: the median round-trip time of many exchanges. */
final class RoundTrips {

    private RoundTrips() {
    }

    static double medianMillis(int port, int warmUp, int count) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < warmUp; i++) {
                exchange(out, in);
            }
            long[] samples = new long[count];
            for (int i = 0; i < count; i++) {
                samples[i] = exchange(out, in);
            }
            Arrays.sort(samples);
            return samples[count / 2] / 1_000_000.0;
        }
    }

    private static long exchange(OutputStream out, InputStream in) throws IOException {
        long start = System.nanoTime();
        out.write(1);
        if (in.read() < 0) {
            throw new IOException("closed");
        }
        return System.nanoTime() - start;
    }
}
