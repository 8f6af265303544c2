package io.glasslink.link.proxy;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.DirectionSettings;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
    private static final long SPIN_NANOS = 80_000;
    private static final long BLACKHOLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ProxyConnection connection;
    private final Direction direction;
    private final Socket source;
    private final Socket target;
    private final Path path;
    private final PathMeters meters;
    private final DelayLine line = new DelayLine(MAX_IN_FLIGHT_BYTES);
    private long lastRelease = Long.MIN_VALUE;
    private long delivered;

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
            while (true) {
                int n = in.read(buffer);
                long now = System.nanoTime();
                if (n < 0) {
                    line.put(Chunk.endOfStream(now, release(now, now)));
                    return;
                }
                long wireDone = path.reserveWire(direction, n, now);
                line.put(new Chunk(Arrays.copyOf(buffer, n), now, release(now, wireDone)));
            }
        } catch (IOException | InterruptedException e) {
            connection.abort();
        }
    }

    void writeLoop() {
        try {
            OutputStream out = target.getOutputStream();
            while (true) {
                Chunk chunk = line.take();
                awaitRelease(chunk.releaseNanos());
                awaitPathDelivers();
                DirectionSettings settings = path.settings(direction);
                if (chunk.isEndOfStream()) {
                    sleepMillis(settings.slowCloseMs());
                    connection.halfClose(target);
                    return;
                }
                int length = chunk.length();
                long limit = settings.limitDataBytes();
                boolean limitReached = limit > 0 && delivered + length >= limit;
                if (limitReached) {
                    length = (int) Math.max(0, limit - delivered);
                }
                out.write(chunk.data(), 0, length);
                delivered += length;
                meters.delivered(direction, length, System.nanoTime() - chunk.readNanos());
                if (limitReached) {
                    connection.close();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            connection.abort();
        }
    }

    private long release(long now, long wireDone) {
        DirectionSettings settings = path.settings(direction);
        double delayMs = settings.latencyMs();
        if (settings.jitterMs() > 0) {
            delayMs += ThreadLocalRandom.current().nextDouble(-settings.jitterMs(), settings.jitterMs());
        }
        long release = wireDone + (long) (Math.max(0, delayMs) * 1_000_000);
        lastRelease = Math.max(release, lastRelease);
        return lastRelease;
    }

    private static void awaitRelease(long releaseNanos) throws InterruptedException {
        long remaining;
        while ((remaining = releaseNanos - System.nanoTime()) > 0) {
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** A black-holed path delivers nothing: bytes wait (as TCP would retransmit them) until it is back. */
    private void awaitPathDelivers() throws InterruptedException {
        while (path.outage() == OutageMode.BLACKHOLE) {
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
