package io.glasslink.link.paths;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Both paths of the link and the routing decision between them: new connections take Direct Connect while
 * its liveness probes answer, the VPN otherwise, and come back when Direct Connect recovers.
 */
public final class LinkPaths {

    private final Map<PathId, Path> paths = new EnumMap<>(PathId.class);
    private final AtomicLong failovers = new AtomicLong();
    private final AtomicLong failbacks = new AtomicLong();
    private final List<BiConsumer<PathId, OutageMode>> outageListeners = new CopyOnWriteArrayList<>();
    private volatile PathId active;
    private volatile long probeRounds;
    private volatile long lastSwitchRound;
    private volatile LinkProfile appliedProfile;

    /**
     * Creates both paths from a profile.
     *
     * @param profile          initial configuration
     * @param detectMultiplier consecutive lost probes after which a path is down (BFD's detect multiplier)
     * @param riseThreshold    consecutive answered probes after which a down path is up again
     */
    public LinkPaths(LinkProfile profile, int detectMultiplier, int riseThreshold) {
        if (detectMultiplier < 1 || riseThreshold < 1) {
            throw new InvalidSettingException("detectMultiplier and riseThreshold must be >= 1");
        }
        for (PathId id : PathId.values()) {
            paths.put(id, new Path(id, profile.path(id), detectMultiplier, riseThreshold));
        }
        this.appliedProfile = profile;
        this.active = choose();
    }

    /** One path. */
    public Path path(PathId id) {
        return paths.get(id);
    }

    /** Both paths, primary first. */
    public Collection<Path> all() {
        return List.copyOf(paths.values());
    }

    /** The path new connections take. */
    public PathId active() {
        return active;
    }

    /** How many times new connections moved from Direct Connect to the VPN. */
    public long failovers() {
        return failovers.get();
    }

    /** How many times new connections moved back from the VPN to Direct Connect. */
    public long failbacks() {
        return failbacks.get();
    }

    /** How many probe rounds have started: the link's own clock, in probe intervals. */
    public long probeRounds() {
        return probeRounds;
    }

    /** The probe round in which new connections last moved from one path to the other, 0 if never. */
    public long lastSwitchRound() {
        return lastSwitchRound;
    }

    /** The profile last applied as a whole (later per-setting changes are not reflected in it). */
    public LinkProfile appliedProfile() {
        return appliedProfile;
    }

    /** Registers a callback run whenever a path's outage is set, with the path's resulting outage as a whole. */
    public void onOutage(BiConsumer<PathId, OutageMode> listener) {
        outageListeners.add(listener);
    }

    /** Changes settings of one direction of a path. */
    public void change(PathId id, Direction direction, SettingsChange change) {
        paths.get(id).change(direction, change);
    }

    /** Puts both directions of a path in outage, or ends it with {@link OutageMode#NONE}. */
    public void outage(PathId id, OutageMode mode) {
        for (Direction d : Direction.values()) {
            paths.get(id).outage(d, mode);
        }
        OutageMode result = paths.get(id).outage();
        outageListeners.forEach(l -> l.accept(id, result));
    }

    /** Puts one direction of a path in outage, or ends it with {@link OutageMode#NONE}. */
    public void outage(PathId id, Direction direction, OutageMode mode) {
        OutageMode result = paths.get(id).outage(direction, mode);
        outageListeners.forEach(l -> l.accept(id, result));
    }

    /** Replaces the configuration of both paths (outages included). Liveness follows through the probes. */
    public void apply(LinkProfile profile) {
        appliedProfile = profile;
        for (PathId id : PathId.values()) {
            paths.get(id).replace(profile.path(id));
            outageListeners.forEach(l -> l.accept(id, profile.path(id).outage()));
        }
    }

    /** Runs one probe round on every path and re-evaluates the active path. */
    public synchronized void probe() {
        long round = ++probeRounds;
        boolean changed = false;
        for (Path path : paths.values()) {
            changed |= path.probe();
        }
        if (changed) {
            PathId next = choose();
            if (next != active) {
                (next == PathId.VPN ? failovers : failbacks).incrementAndGet();
                lastSwitchRound = round;
                active = next;
            }
        }
    }

    private PathId choose() {
        List<PathId> up = new ArrayList<>();
        for (Path p : paths.values()) {
            if (p.isUp()) {
                up.add(p.id());
            }
        }
        // both down: stay on the primary, as routing would once every route is withdrawn and the DX comes back first
        return up.isEmpty() ? PathId.DIRECT_CONNECT : up.get(0);
    }
}
