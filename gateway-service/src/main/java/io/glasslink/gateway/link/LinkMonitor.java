package io.glasslink.gateway.link;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows the link to on-prem as the network's monitoring reports it: the path new connections take, whether each
 * path's probes answer, each path's measured round trip, and the failovers and failbacks. Locally that monitoring
 * is the link simulator's {@code GET /state}; in AWS it would be Direct Connect / VPN CloudWatch metrics and the BGP
 * state. The state is read at the link's probe cadence, off the request path, and published as {@code glasslink.link.*}
 * meters; {@link #activePath()} is what a new upstream connection is stamped with ({@link LinkPath}).
 */
@Component
public class LinkMonitor implements SmartLifecycle {

    /** The link's paths (docs/contracts.md). */
    public static final List<String> PATHS = List.of("direct-connect", "vpn");

    private static final Logger log = LoggerFactory.getLogger(LinkMonitor.class);

    private final LinkProperties properties;
    private final WebClient client;
    private volatile LinkReport report = LinkReport.NONE;
    /** When the state was last read (System.nanoTime), or when the monitor was created until then. */
    private volatile long readNanos = System.nanoTime();
    private volatile boolean failing;
    private volatile boolean running;
    private Disposable polling;

    public LinkMonitor(LinkProperties properties, WebClient.Builder clients, MeterRegistry registry) {
        this.properties = properties;
        // a read every 300 ms is monitoring, not a request: observed, it would add three root traces a second to Zipkin
        this.client = followed() ? clients.baseUrl(properties.controlUrl())
                .observationRegistry(ObservationRegistry.NOOP).build() : null;
        register(registry);
    }

    /**
     * The path new connections take now: {@code direct-connect}, {@code vpn}, or {@code unknown} while the link's
     * state has not been read (or is not followed).
     */
    public String activePath() {
        String active = report.activePath();
        return active == null ? LinkPath.UNKNOWN : active;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!followed()) {
            log.info("The link's state is not followed (glasslink.gateway.link.control-url is empty): on-prem calls are tagged unknown");
            return;
        }
        polling = Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> read(), 1)
                .subscribe(this::update);
    }

    @Override
    public synchronized void stop() {
        if (polling != null) {
            polling.dispose();
            polling = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server: the first read is under way when the first request comes. */
    @Override
    public int getPhase() {
        return 0;
    }

    private Mono<LinkReport> read() {
        return client.get().uri("/state").retrieve().bodyToMono(LinkReport.class)
                .timeout(properties.timeout())
                .onErrorResume(e -> {
                    if (!failing) {
                        failing = true;
                        log.warn("Cannot read the link's state from {}: {}", properties.controlUrl(), e.toString());
                    }
                    return Mono.empty();
                });
    }

    private void update(LinkReport latest) {
        report = latest;
        readNanos = System.nanoTime();
        if (failing) {
            failing = false;
            log.info("The link's state is read again from {}", properties.controlUrl());
        }
    }

    private boolean followed() {
        return properties.controlUrl() != null && !properties.controlUrl().isBlank();
    }

    private void register(MeterRegistry registry) {
        for (String path : PATHS) {
            Gauge.builder("glasslink.link.path.active", this, m -> m.active(path)).tag("path", path)
                    .description("1 when new connections over the link take this path, as the link's monitoring reports it (NaN before the first report)")
                    .register(registry);
            Gauge.builder("glasslink.link.path.up", this, m -> m.up(path)).tag("path", path)
                    .description("1 when the path's liveness probes answer, as the link's monitoring reports it (NaN before the first report)")
                    .register(registry);
            Gauge.builder("glasslink.link.rtt", this, m -> m.roundTripSeconds(path)).tag("path", path).baseUnit("seconds")
                    .description("Measured round trip of the path's last probe (NaN while its probes are lost or before the first report)")
                    .register(registry);
        }
        FunctionCounter.builder("glasslink.link.failovers", this, m -> m.report.failovers())
                .description("Moves of the link's new connections from Direct Connect to the VPN, as its monitoring counts them")
                .register(registry);
        FunctionCounter.builder("glasslink.link.failbacks", this, m -> m.report.failbacks())
                .description("Moves of the link's new connections back to Direct Connect, as its monitoring counts them")
                .register(registry);
        Gauge.builder("glasslink.link.state.age", this, LinkMonitor::stateAgeSeconds).baseUnit("seconds")
                .description("Time since the link's state was last read (NaN when it is not followed): the path tags are that old")
                .register(registry);
    }

    private double active(String path) {
        String active = report.activePath();
        return active == null ? Double.NaN : path.equals(active) ? 1 : 0;
    }

    private double up(String path) {
        LinkReport.PathReport state = report.paths().get(path);
        return state == null ? Double.NaN : state.up() ? 1 : 0;
    }

    private double roundTripSeconds(String path) {
        LinkReport.PathReport state = report.paths().get(path);
        return state == null || state.rttMs() == null ? Double.NaN : state.rttMs() / 1000;
    }

    private double stateAgeSeconds() {
        return followed() ? (System.nanoTime() - readNanos) / 1e9 : Double.NaN;
    }
}
