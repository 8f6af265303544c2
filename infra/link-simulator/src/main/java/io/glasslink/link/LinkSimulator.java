package io.glasslink.link;

import io.glasslink.link.paths.Direction;
import io.glasslink.link.paths.LinkPaths;
import io.glasslink.link.paths.LinkProfile;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.Path;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.RoundTrips;
import io.glasslink.link.paths.SettingsChange;
import io.glasslink.link.proxy.LinkListener;
import io.glasslink.link.proxy.ProxyServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A running link simulator: TCP listeners that forward to on-premise upstreams over a Direct Connect or a VPN
 * path, BFD-style probes that pick the path for new connections, and run-time control of every setting.
 *
 * <pre>{@code
 * try (LinkSimulator link = LinkSimulator.start(LinkSimulatorSettings.defaults()
 *         .withLink("planning", 0, "localhost", planningPort))) {
 *     int port = link.listenPort("planning");
 *     link.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
 * }
 * }</pre>
 */
public final class LinkSimulator implements AutoCloseable {

    /** Histogram buckets of the round trip: Direct Connect (≈ 2 ms), the VPN (≈ 30 ms) and degraded paths fall apart. */
    private static final Duration[] RTT_BUCKETS = Stream.of(1, 2, 5, 10, 20, 50, 100, 250, 500)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final LinkSimulatorSettings settings;
    private final LinkPaths paths;
    private final ProxyServer proxy;
    private final ScheduledExecutorService prober;
    private final RoundTrips roundTrips;

    private LinkSimulator(LinkSimulatorSettings settings, MeterRegistry registry) throws IOException {
        this.settings = settings;
        this.paths = new LinkPaths(settings.profiles().get(settings.profile()), settings.detectMultiplier(),
                settings.riseThreshold());
        this.proxy = new ProxyServer(paths, registry);
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "link-bfd-probe");
            thread.setDaemon(true);
            return thread;
        });
        this.roundTrips = new RoundTrips(paths, prober);
        registerMeters(registry);
        long interval = settings.probeInterval().toNanos();
        prober.scheduleAtFixedRate(() -> {
            paths.probe();
            roundTrips.probe();
        }, interval, interval, TimeUnit.NANOSECONDS);
        try {
            for (LinkTarget link : settings.links()) {
                proxy.open(link.name(), new InetSocketAddress(settings.bindHost(), link.listenPort()),
                        link.upstreamAddress());
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Starts a simulator with its own (in-memory) meter registry. */
    public static LinkSimulator start(LinkSimulatorSettings settings) {
        return start(settings, new SimpleMeterRegistry());
    }

    /** Starts a simulator that publishes its metrics to {@code registry}. */
    public static LinkSimulator start(LinkSimulatorSettings settings, MeterRegistry registry) {
        try {
            return new LinkSimulator(settings, registry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the links", e);
        }
    }

    /** The port a link listens on. */
    public int listenPort(String link) {
        return listener(link).listenPort();
    }

    /** The path new connections take now. */
    public PathId activePath() {
        return paths.active();
    }

    /** How many probe rounds have started, one per probe interval: the link's own clock. */
    public long probeRounds() {
        return paths.probeRounds();
    }

    /** The probe round in which new connections last changed path, 0 if never. */
    public long lastSwitchRound() {
        return paths.lastSwitchRound();
    }

    /** Changes some settings of one direction of a path; null fields of {@code change} are kept. */
    public void change(PathId path, Direction direction, SettingsChange change) {
        paths.change(path, direction, change);
    }

    /**
     * Puts both directions of a path in outage; {@link OutageMode#NONE} ends it. A refuse outage resets the
     * path's connections.
     */
    public void outage(PathId path, OutageMode mode) {
        paths.outage(path, mode);
    }

    /** Puts one direction of a path in outage (for example a one-way black hole); NONE ends it. */
    public void outage(PathId path, Direction direction, OutageMode mode) {
        paths.outage(path, direction, mode);
    }

    /** Resets (TCP RST) every connection currently open on a path; returns how many. */
    public int resetConnections(PathId path) {
        return proxy.resetConnections(path);
    }

    /** Applies a named profile to both paths. */
    public void applyProfile(String name) {
        LinkProfile profile = settings.profiles().get(name);
        if (profile == null) {
            throw new UnknownNameException("unknown profile " + name + "; known: " + profileNames());
        }
        paths.apply(profile);
    }

    /** Applies the start profile again, ending outages and manual changes. */
    public void restore() {
        applyProfile(settings.profile());
    }

    /** The names of the available profiles. */
    public Set<String> profileNames() {
        return new TreeSet<>(settings.profiles().keySet());
    }

    /** A snapshot of everything. */
    public LinkState state() {
        List<LinkState.Link> links = proxy.listeners().stream()
                .map(l -> new LinkState.Link(l.name(), l.listenPort(),
                        l.upstream().getHostString() + ":" + l.upstream().getPort()))
                .toList();
        Map<String, LinkState.PathState> pathStates = new LinkedHashMap<>();
        for (Path path : paths.all()) {
            Map<String, io.glasslink.link.paths.DirectionSettings> directions = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (Direction d : Direction.values()) {
                directions.put(d.wireName(), path.settings(d));
                bytes.put(d.wireName(), proxy.bytes(path.id(), d));
            }
            OptionalLong roundTrip = roundTrips.last(path.id());
            pathStates.put(path.id().wireName(), new LinkState.PathState(path.isUp(), paths.active() == path.id(),
                    path.outage(), proxy.activeConnections(path.id()),
                    roundTrip.isPresent() ? roundTrip.getAsLong() / 1_000_000.0 : null, directions, bytes));
        }
        return new LinkState(paths.appliedProfile().name(), paths.active().wireName(), paths.failovers(),
                paths.failbacks(), links, pathStates);
    }

    /** Stops probing, closes the listeners and resets every connection. */
    @Override
    public void close() {
        prober.shutdownNow();
        proxy.close();
    }

    private LinkListener listener(String link) {
        return proxy.listeners().stream().filter(l -> l.name().equals(link)).findFirst()
                .orElseThrow(() -> new UnknownNameException("unknown link " + link));
    }

    private void registerMeters(MeterRegistry registry) {
        FunctionCounter.builder("link.failovers", paths, LinkPaths::failovers)
                .description("Moves of new connections from Direct Connect to the VPN").register(registry);
        FunctionCounter.builder("link.failbacks", paths, LinkPaths::failbacks)
                .description("Moves of new connections back to Direct Connect").register(registry);
        Map<PathId, Timer> roundTripTimers = new EnumMap<>(PathId.class);
        for (PathId id : PathId.values()) {
            Path path = paths.path(id);
            roundTripTimers.put(id, Timer.builder("link.rtt").tag("path", id.wireName())
                    .description("Round trip of the link's probes over the path (both directions, queueing on its wire included)")
                    .serviceLevelObjectives(RTT_BUCKETS).register(registry));
            Gauge.builder("link.path.active", paths, p -> p.active() == id ? 1 : 0).tag("path", id.wireName())
                    .description("1 when new connections take this path").register(registry);
            Gauge.builder("link.path.up", path, p -> p.isUp() ? 1 : 0).tag("path", id.wireName())
                    .description("1 when the path's liveness probes answer").register(registry);
            for (Direction d : Direction.values()) {
                Gauge.builder("link.latency.configured", path, p -> p.settings(d).latencyMs() / 1000.0)
                        .tag("path", id.wireName()).tag("direction", d.wireName()).baseUnit("seconds")
                        .description("Configured one-way latency").register(registry);
                Gauge.builder("link.bandwidth.configured", path, p -> p.settings(d).bandwidthMbps() * 1_000_000)
                        .tag("path", id.wireName()).tag("direction", d.wireName()).baseUnit("bits.per.second")
                        .description("Configured bandwidth, 0 = unlimited").register(registry);
            }
        }
        roundTrips.onMeasured((id, nanos) -> roundTripTimers.get(id).record(nanos, TimeUnit.NANOSECONDS));
    }
}
