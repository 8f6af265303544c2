package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.glasslink.datahub.contracts.EventType;
import io.glasslink.datahub.contracts.InvalidEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The hub's Micrometer meters ({@code datahub.*}). Tags are bounded: source topics, sink topics, the
 * {@link InvalidEventException.Category} of a dead letter, and lake datasets ({@code <domain>/<EventName>.v<N>}).
 */
final class HubMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> newestLanded = new ConcurrentHashMap<>();
    private final Counter recordsLanded;
    private final Counter objectsLanded;
    private final Counter landingFailures;
    private final Timer landing;
    private final Timer delay;

    HubMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.recordsLanded = Counter.builder("datahub.lake.records").description("records landed in the lake").register(registry);
        this.objectsLanded = Counter.builder("datahub.lake.objects").description("objects written to the lake").register(registry);
        this.landingFailures = Counter.builder("datahub.lake.failures").description("batches whose landing failed and will be re-read").register(registry);
        this.landing = Timer.builder("datahub.lake.landing")
                .description("time from sealing a batch to its commit: waiting for the batch before it, upload and commit")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
                .register(registry);
        this.delay = Timer.builder("datahub.lake.landing.delay")
                .description("time from reading a batch's first record to its commit in the lake: the longest any of its events waited in the hub")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                        Duration.ofSeconds(45), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300))
                .register(registry);
    }

    void deadLettered(String topic, InvalidEventException.Category category) {
        deadLettered.computeIfAbsent(topic + '\n' + category.tag(), k -> Counter.builder("datahub.events.dead.lettered")
                .description("invalid or unparseable events sent to the dead-letter topic, by source topic and the rule they broke")
                .tag("topic", topic).tag("reason", category.tag()).register(registry)).increment();
    }

    void forwarded(String sinkTopic) {
        forwarded.computeIfAbsent(sinkTopic, t -> Counter.builder("datahub.events.forwarded")
                .description("events fanned out to a topic").tag("sink", t).register(registry)).increment();
    }

    /** A batch of {@code topic} landed and committed. */
    void landed(String topic, Lane.Landing landing) {
        long now = System.nanoTime();
        recordsLanded.increment(landing.records());
        objectsLanded.increment(landing.objects().size());
        this.landing.record(now - landing.sealedAtNanos(), TimeUnit.NANOSECONDS);
        this.delay.record(now - landing.openedAtNanos(), TimeUnit.NANOSECONDS);
        if (landing.duplicates() > 0) {
            duplicates.computeIfAbsent(topic, t -> Counter.builder("datahub.events.duplicates")
                    .description("events dropped (not landed, not forwarded) because an event with the same CloudEvent id "
                            + "was read within the dedupe window before them; counted once committed")
                    .tag("topic", t).register(registry)).increment(landing.duplicates());
        }
        for (Map.Entry<EventType, Instant> newest : landing.newestEventTimes().entrySet()) {
            String dataset = newest.getKey().domain() + "/" + newest.getKey().versionedName();
            long millis = newest.getValue().toEpochMilli();
            newestLanded.computeIfAbsent(dataset, d -> freshness(d, millis)).accumulateAndGet(millis, Math::max);
        }
    }

    void landingFailed() {
        landingFailures.increment();
    }

    private AtomicLong freshness(String dataset, long firstMillis) {
        AtomicLong newest = new AtomicLong(firstMillis);
        Gauge.builder("datahub.lake.freshness", newest, n -> (clock.millis() - n.get()) / 1000.0)
                .description("age of the newest event landed in the dataset: from its event time to now (the service clock)")
                .baseUnit("seconds").tag("dataset", dataset).register(registry);
        return newest;
    }
}
