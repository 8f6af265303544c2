package io.glasslink.link.paths;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;

/**
 * The measured round trip of each path, as a BFD echo or a TWAMP probe measures it on a real link: a small probe
 * crosses the path to the on-premise end and back through the path's own delay model (its wire, shared with the
 * connections at the path's bandwidth, then latency ± jitter, in each direction), and the time from sending it to
 * its return is read with {@link System#nanoTime()} when it returns. A probe that meets an outage in either
 * direction is lost: the path then has no round trip until one returns again.
 */
public final class RoundTrips {

    /** Size of a probe on the wire (an IPv4 BFD echo in a UDP datagram is of this order). */
    static final int PROBE_BYTES = 64;

    private static final long NONE = -1;

    private final LinkPaths paths;
    private final LongSupplier clock;
    private final Timeline timeline;
    private final Map<PathId, AtomicLong> lastNanos = new EnumMap<>(PathId.class);
    private final List<ObjLongConsumer<PathId>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Probes {@code paths}, timing each probe's crossings on {@code scheduler}.
     *
     * @param paths     the paths to measure
     * @param scheduler runs a probe's arrival at the far end and its return, at the times the path's model gives
     */
    public RoundTrips(LinkPaths paths, ScheduledExecutorService scheduler) {
        this(paths, System::nanoTime, (nanoTime, task) -> {
            try {
                scheduler.schedule(task, nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the simulator is closing: the probe is not needed any more
            }
        });
    }

    /**
     * Probes {@code paths} on a given time line (tests run it on virtual time).
     *
     * @param clock    the time line's now, in nanoseconds
     * @param timeline runs a task when the clock reaches a time
     */
    RoundTrips(LinkPaths paths, LongSupplier clock, Timeline timeline) {
        this.paths = paths;
        this.clock = clock;
        this.timeline = timeline;
        for (PathId id : PathId.values()) {
            lastNanos.put(id, new AtomicLong(NONE));
        }
    }

    /** Runs tasks at given times of a clock. */
    interface Timeline {

        /** Runs {@code task} when the clock reaches {@code nanoTime}. */
        void at(long nanoTime, Runnable task);
    }

    /** Registers a callback run with the path and the round trip (ns) of every probe that returns. */
    public void onMeasured(ObjLongConsumer<PathId> listener) {
        listeners.add(listener);
    }

    /** The round trip of the path's last returned probe in nanoseconds; empty when the last one was lost or none returned yet. */
    public OptionalLong last(PathId id) {
        long nanos = lastNanos.get(id).get();
        return nanos == NONE ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    /** Sends one probe over every path. */
    public void probe() {
        for (Path path : paths.all()) {
            send(path);
        }
    }

    private void send(Path path) {
        long sent = clock.getAsLong();
        if (path.outage(Direction.TO_ONPREM) != OutageMode.NONE) {
            lost(path);
            return;
        }
        long arrival = path.reserveWire(Direction.TO_ONPREM, PROBE_BYTES, sent)
                + path.settings(Direction.TO_ONPREM).sampleDelayNanos();
        timeline.at(arrival, () -> echo(path, sent));
    }

    private void echo(Path path, long sent) {
        long now = clock.getAsLong();
        if (path.outage(Direction.TO_ONPREM) != OutageMode.NONE || path.outage(Direction.TO_CLOUD) != OutageMode.NONE) {
            lost(path);
            return;
        }
        long back = path.reserveWire(Direction.TO_CLOUD, PROBE_BYTES, now) + path.settings(Direction.TO_CLOUD).sampleDelayNanos();
        timeline.at(back, () -> returned(path, sent));
    }

    private void returned(Path path, long sent) {
        long roundTrip = clock.getAsLong() - sent;
        if (path.outage(Direction.TO_CLOUD) != OutageMode.NONE) {
            lost(path);
            return;
        }
        lastNanos.get(path.id()).set(roundTrip);
        listeners.forEach(l -> l.accept(path.id(), roundTrip));
    }

    private void lost(Path path) {
        lastNanos.get(path.id()).set(NONE);
    }
}
