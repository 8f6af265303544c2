package io.glasslink.link.proxy;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.LinkPaths;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.Path;
import io.glasslink.link.paths.PathId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Owns the link listeners and every proxied connection, per path: resets them on demand or when their path
 * refuses, and counts them.
 */
public final class ProxyServer implements AutoCloseable {

    private final LinkPaths paths;
    private final List<LinkListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<PathId, Set<ProxyConnection>> connections = new EnumMap<>(PathId.class);
    private final Map<PathId, PathMeters> meters = new EnumMap<>(PathId.class);
    private final Map<PathId, Counter> opened = new EnumMap<>(PathId.class);
    private final Map<PathId, Counter> refused = new EnumMap<>(PathId.class);

    /** Creates the proxy over the given paths, registering its meters in {@code registry}. */
    public ProxyServer(LinkPaths paths, MeterRegistry registry) {
        this.paths = paths;
        for (PathId id : PathId.values()) {
            Set<ProxyConnection> set = ConcurrentHashMap.newKeySet();
            connections.put(id, set);
            meters.put(id, new PathMeters(id, registry));
            opened.put(id, Counter.builder("link.connections.opened").tag("path", id.wireName())
                    .description("Connections opened over the path").register(registry));
            refused.put(id, Counter.builder("link.connections.refused").tag("path", id.wireName())
                    .description("Connections refused because their path was in a refuse outage").register(registry));
            Gauge.builder("link.connections.active", set, Set::size).tag("path", id.wireName())
                    .description("Connections currently open over the path").register(registry);
        }
        paths.onOutage((id, mode) -> {
            if (mode == OutageMode.REFUSE) {
                resetConnections(id);
            }
        });
    }

    /** Opens a link: listens on {@code bind} and forwards to {@code upstream}. */
    public LinkListener open(String name, InetSocketAddress bind, InetSocketAddress upstream) throws IOException {
        LinkListener listener = new LinkListener(name, bind, upstream, paths, this);
        listeners.add(listener);
        return listener;
    }

    /** The open links. */
    public List<LinkListener> listeners() {
        return List.copyOf(listeners);
    }

    /** Resets (TCP RST) every connection on a path. */
    public int resetConnections(PathId id) {
        List<ProxyConnection> victims = new ArrayList<>(connections.get(id));
        victims.forEach(ProxyConnection::abort);
        return victims.size();
    }

    /** Connections currently open over a path. */
    public int activeConnections(PathId id) {
        return connections.get(id).size();
    }

    /** Bytes delivered over a path in one direction since start. */
    public long bytes(PathId id, Direction direction) {
        return (long) meters.get(id).bytes(direction);
    }

    ProxyConnection register(String name, Socket client, InetSocketAddress upstream, Path path) {
        Set<ProxyConnection> set = connections.get(path.id());
        ProxyConnection connection = new ProxyConnection(name, client, upstream, path, meters.get(path.id()), set::remove);
        set.add(connection);
        opened.get(path.id()).increment();
        return connection;
    }

    void refused(PathId id) {
        refused.get(id).increment();
    }

    /** Stops listening and resets every connection. */
    @Override
    public void close() {
        for (LinkListener listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
        for (PathId id : PathId.values()) {
            resetConnections(id);
        }
    }
}
