package io.glasslink.link.bench;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Side-by-side benchmark of a TCP echo upstream called directly and through the simulator (zero profile,
 * Direct Connect path of the dx profile, VPN path of the dx profile): round-trip time on one connection,
 * request/response rate on 32 connections, bulk throughput on one connection. See docs/benchmarks.md.
 *
 * <p>Arguments: seconds per load case (default 10).
 */
public final class LinkBenchmark {

    private static final int CONNECTIONS = 32;
    private static final int MESSAGE = 1024;

    private LinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (EchoServer upstream = new EchoServer()) {
            System.out.printf("%-22s %10s %10s %10s %12s %10s %10s %12s%n", "case", "rtt p50", "rtt p99",
                    "added p50", "32c msg/s", "32c p50", "32c p99", "bulk Mbit/s");
            run("direct", upstream.port(), seconds, 0);
            for (String variant : List.of("zero", "dx/direct-connect", "dx/vpn")) {
                String profile = variant.startsWith("dx") ? "dx" : "zero";
                try (LinkSimulator link = LinkSimulator.start(LinkSimulatorSettings.defaults().withProfile(profile)
                        .withLink("echo", 0, "127.0.0.1", upstream.port()))) {
                    if (variant.endsWith("vpn")) {
                        link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
                        while (link.activePath() != PathId.VPN) {
                            Thread.sleep(20);
                        }
                    }
                    run("simulator " + variant, link.listenPort("echo"), seconds, baseline);
                }
            }
        }
    }

    private static double baseline;

    private static void run(String name, int port, int seconds, double directP50) throws Exception {
        long[] rtt = pingPong(port, 200, 2000, seconds);
        double p50 = rtt[rtt.length / 2] / 1e6;
        double p99 = rtt[(int) (rtt.length * 0.99)] / 1e6;
        if (name.equals("direct")) {
            baseline = p50;
        }
        Load load = load(port, seconds);
        double bulk = bulkMbps(port, seconds);
        System.out.printf("%-22s %8.3fms %8.3fms %8.3fms %12.0f %8.3fms %8.3fms %12.0f%n", name, p50, p99,
                name.equals("direct") ? 0.0 : p50 - directP50, load.perSecond, load.p50Millis, load.p99Millis, bulk);
    }

    /** At most {@code count} one-byte exchanges, but no longer than {@code seconds} (the VPN path is slow). */
    private static long[] pingPong(int port, int warmUp, int count, int seconds) throws IOException {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            long[] samples = new long[count];
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            int n = 0;
            for (int i = -warmUp; i < count && (i < 0 || n < 100 || System.nanoTime() < end); i++) {
                long start = System.nanoTime();
                out.write(1);
                in.read();
                if (i >= 0) {
                    samples[n++] = System.nanoTime() - start;
                }
                if (i == -1 || warmUp == 0) {
                    end = System.nanoTime() + seconds * 1_000_000_000L;
                }
            }
            long[] measured = Arrays.copyOf(samples, n);
            Arrays.sort(measured);
            return measured;
        }
    }

    private record Load(double perSecond, double p50Millis, double p99Millis) {
    }

    private static Load load(int port, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                results.add(pool.submit(() -> exchanges(port, end)));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                for (long l : f.get()) {
                    all.add(l);
                }
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Load(sorted.length / (double) seconds, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] exchanges(int port, long endNanos) throws IOException {
        byte[] message = new byte[MESSAGE];
        byte[] reply = new byte[MESSAGE];
        long[] samples = new long[1 << 16];
        int n = 0;
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            while (System.nanoTime() < endNanos) {
                long start = System.nanoTime();
                out.write(message);
                in.readNBytes(reply, 0, MESSAGE);
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = System.nanoTime() - start;
            }
        }
        return Arrays.copyOf(samples, n);
    }

    private static double bulkMbps(int port, int seconds) throws Exception {
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            long end = System.nanoTime() + seconds * 1_000_000_000L / 2;
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                byte[] block = new byte[256 * 1024];
                try {
                    while (System.nanoTime() < end) {
                        out.write(block);
                    }
                    socket.shutdownOutput();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            long start = System.nanoTime();
            long received = socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            double elapsed = (System.nanoTime() - start) / 1e9;
            sender.get();
            return received * 8 / elapsed / 1e6;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        return socket;
    }
}
