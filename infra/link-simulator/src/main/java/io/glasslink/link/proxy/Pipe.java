package io.glasslink.link.proxy;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection. A reader stamps every chunk with its release time (wire time at the
 * path's bandwidth + latency ± jitter, never earlier than the previous chunk) and queues it; a writer delivers
 * each chunk at its release time. Reading and delivering run concurrently, so latency does not cut throughput.
 */
final class Pipe {

    private static final int READ_BUFFER = 64 * 1024;
    private static final long MAX_IN_FLIGHT_BYTES = 8L * 1024 * 1024;
    /** Parking overshoots by tens of microseconds; the last stretch before a release is spun instead. */
    private static final long SPIN_NANOS = 50_000;
    private static final long MAX_LATENESS_NANOS = 400_000;
    private static final long BLACKHOLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ProxyConnection connection;
    private final Direction direction;
    private final Socket source;
    private final Socket target;
    private final Path path;
    private final PathMeters meters;
    private final DelayLine line = new DelayLine(MAX_IN_FLIGHT_BYTES);
    private long lastRelease = Long.MIN_VALUE;
    private final AtomicInteger queued = new AtomicInteger();
    private long delivered;
    private long parkLatenessNanos;

    Pipe(ProxyConnection connection, Direction direction, Socket source, Socket target, Path path, PathMeters meters) {
        this.connection = connection;
        this.direction = direction;
        this.source = source;
        this.target = target;
        this.path = path;
        this.meters = meters;
    }

    void readLoop() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            InputStream in = source.getInputStream();
            OutputStream out = target.getOutputStream();
            while (true) {
                int n = in.read(buffer);
                long now = System.nanoTime();
                if (n < 0) {
                    queue(Chunk.endOfStream(now, release(now, now)));
                    return;
                }
                long release = release(now, path.reserveWire(direction, n, now));
                if (release <= now && queued.get() == 0 && path.outage(direction) == OutageMode.NONE) {
                    // nothing to wait for and nothing queued ahead: deliver without a hand-off to the writer
                    if (!deliver(out, buffer, n, now)) {
                        return;
                    }
                } else {
                    queue(new Chunk(Arrays.copyOf(buffer, n), now, release));
                }
            }
        } catch (IOException | InterruptedException e) {
            connection.abort();
        }
    }

    private void queue(Chunk chunk) throws InterruptedException {
        queued.incrementAndGet();
        line.put(chunk);
    }

    void writeLoop() {
        try {
            OutputStream out = target.getOutputStream();
            while (true) {
                Chunk chunk = line.take();
                awaitRelease(chunk.releaseNanos());
                awaitPathDelivers();
                if (chunk.isEndOfStream()) {
                    sleepMillis(path.settings(direction).slowCloseMs());
                    connection.halfClose(target);
                    return;
                }
                boolean open = deliver(out, chunk.data(), chunk.length(), chunk.readNanos());
                queued.decrementAndGet();
                if (!open) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            connection.abort();
        }
    }

    /**
     * Writes bytes to the target, honouring the data limit. Only one thread delivers at a time: the reader
     * delivers directly only while nothing is queued, otherwise the writer does.
     *
     * @return false when the data limit closed the connection
     */
    private boolean deliver(OutputStream out, byte[] data, int length, long readNanos) throws IOException {
        long limit = path.settings(direction).limitDataBytes();
        boolean limitReached = limit > 0 && delivered + length >= limit;
        int allowed = limitReached ? (int) Math.max(0, limit - delivered) : length;
        out.write(data, 0, allowed);
        delivered += allowed;
        meters.delivered(direction, allowed, System.nanoTime() - readNanos);
        if (limitReached) {
            connection.close();
            return false;
        }
        return true;
    }

    private long release(long now, long wireDone) {
        long release = wireDone + path.settings(direction).sampleDelayNanos();
        lastRelease = Math.max(release, lastRelease);
        return lastRelease;
    }

    /**
     * Waits until {@code releaseNanos}. Parking wakes up late (timer slack, scheduling on a busy machine), so it
     * aims earlier by the lateness seen so far on this pipe and spins the last stretch.
     */
    private void awaitRelease(long releaseNanos) throws InterruptedException {
        long remaining = releaseNanos - System.nanoTime();
        long early = SPIN_NANOS + parkLatenessNanos;
        if (remaining > early) {
            long wakeAt = releaseNanos - early;
            LockSupport.parkNanos(wakeAt - System.nanoTime());
            long lateness = System.nanoTime() - wakeAt;
            // moving average of how late parking wakes up, bounded so a hiccup costs little spinning
            parkLatenessNanos += (Math.min(Math.max(lateness, 0), MAX_LATENESS_NANOS) - parkLatenessNanos) / 8;
        }
        while (releaseNanos - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** A black-holed direction delivers nothing: bytes wait (as TCP would retransmit them) until it is back. */
    private void awaitPathDelivers() throws InterruptedException {
        while (path.outage(direction) == OutageMode.BLACKHOLE) {
            LockSupport.parkNanos(BLACKHOLE_POLL_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static void sleepMillis(double millis) throws InterruptedException {
        if (millis > 0) {
            TimeUnit.MICROSECONDS.sleep((long) (millis * 1000));
        }
    }
}
