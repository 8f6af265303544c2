package io.glasslink.link.paths;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One path of the link at run time: its current profile, its liveness as seen by the BFD-style probes,
 * and its shared transmission schedule per direction (the bandwidth is the path's, not a connection's).
 */
public final class Path {

    private final PathId id;
    private final int detectMultiplier;
    private final int riseThreshold;
    private final AtomicReference<PathProfile> profile;
    private final Map<Direction, AtomicLong> wireFreeAtNanos = new EnumMap<>(Direction.class);
    private boolean up = true;
    private int misses;
    private int hits;

    Path(PathId id, PathProfile profile, int detectMultiplier, int riseThreshold) {
        this.id = id;
        this.profile = new AtomicReference<>(profile);
        this.detectMultiplier = detectMultiplier;
        this.riseThreshold = riseThreshold;
        for (Direction d : Direction.values()) {
            wireFreeAtNanos.put(d, new AtomicLong(Long.MIN_VALUE));
        }
        this.up = profile.outage() == OutageMode.NONE;
    }

    /** Which path this is. */
    public PathId id() {
        return id;
    }

    /** The current configuration of the path. */
    public PathProfile profile() {
        return profile.get();
    }

    /** The current settings of one direction. */
    public DirectionSettings settings(Direction direction) {
        return profile.get().settings(direction);
    }

    /** The outage of the path as a whole (the worse of both directions). */
    public OutageMode outage() {
        return profile.get().outage();
    }

    /** The outage mode of one direction. */
    public OutageMode outage(Direction direction) {
        return profile.get().settings(direction).outage();
    }

    /** Whether the liveness probes currently consider the path up. */
    public synchronized boolean isUp() {
        return up;
    }

    void replace(PathProfile newProfile) {
        profile.set(newProfile);
    }

    void change(Direction direction, SettingsChange change) {
        profile.updateAndGet(p -> p.with(direction, p.settings(direction).apply(change)));
    }

    OutageMode outage(Direction direction, OutageMode mode) {
        return profile.updateAndGet(p -> p.with(direction, p.settings(direction).withOutage(mode))).outage();
    }

    /**
     * One liveness probe: it is lost when the path is in outage. The path goes down after
     * {@code detectMultiplier} consecutive misses and up again after {@code riseThreshold} consecutive answers.
     *
     * @return true when the liveness state changed
     */
    synchronized boolean probe() {
        boolean answered = outage() == OutageMode.NONE;
        if (answered) {
            misses = 0;
            hits++;
            if (!up && hits >= riseThreshold) {
                up = true;
                return true;
            }
        } else {
            hits = 0;
            misses++;
            if (up && misses >= detectMultiplier) {
                up = false;
                return true;
            }
        }
        return false;
    }

    /**
     * Reserves the wire of this path in one direction for {@code bytes}, after whatever is already scheduled.
     *
     * @return the time (System.nanoTime scale) at which the last bit of the chunk has left
     */
    public long reserveWire(Direction direction, int bytes, long nowNanos) {
        long serialisation = settings(direction).serialisationNanos(bytes);
        if (serialisation == 0) {
            return nowNanos;
        }
        AtomicLong freeAt = wireFreeAtNanos.get(direction);
        while (true) {
            long current = freeAt.get();
            long start = current == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, current);
            long end = start + serialisation;
            if (freeAt.compareAndSet(current, end)) {
                return end;
            }
        }
    }
}
