package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The hub's Micrometer meters ({@code datahub.*}). */
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

    HubMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.recordsLanded = Counter.builder("datahub.lake.records").description("records landed in the lake").register(registry);
        this.objectsLanded = Counter.builder("datahub.lake.objects").description("objects written to the lake").register(registry);
        this.landingFailures = Counter.builder("datahub.lake.failures").description("batches whose landing failed and will be re-read").register(registry);
        this.landing = Timer.builder("datahub.lake.landing").description("time to upload a batch and commit its offset").register(registry);
    }

    void deadLettered(String topic) {
        deadLettered.computeIfAbsent(topic, t -> Counter.builder("datahub.events.dead.lettered")
                .description("invalid or unparseable events sent to the dead-letter topic").tag("topic", t).register(registry)).increment();
    }

    void forwarded(String sinkTopic) {
        forwarded.computeIfAbsent(sinkTopic, t -> Counter.builder("datahub.events.forwarded")
                .description("events fanned out to a topic").tag("sink", t).register(registry)).increment();
    }

    /** A batch of {@code topic} landed and committed. */
    void landed(String topic, Lane.Landing landing, long nanos) {
        recordsLanded.increment(landing.records());
        objectsLanded.increment(landing.objects().size());
        this.landing.record(nanos, TimeUnit.NANOSECONDS);
        if (landing.duplicates() > 0) {
            duplicates.computeIfAbsent(topic, t -> Counter.builder("datahub.events.duplicates")
                    .description("events dropped (not landed, not forwarded) because an event with the same CloudEvent id "
                            + "was read within the dedupe window before them; counted once committed")
                    .tag("topic", t).register(registry)).increment(landing.duplicates());
        }
        Instant newest = landing.newestEventTime();
        if (newest != null) {
            long millis = newest.toEpochMilli();
            newestLanded.computeIfAbsent(topic, t -> freshness(t, millis)).accumulateAndGet(millis, Math::max);
        }
    }

    void landingFailed() {
        landingFailures.increment();
    }

    private AtomicLong freshness(String topic, long firstMillis) {
        AtomicLong newest = new AtomicLong(firstMillis);
        Gauge.builder("datahub.lake.freshness", newest, n -> (clock.millis() - n.get()) / 1000.0)
                .description("time from the newest event time landed from the topic to now (the service clock)")
                .baseUnit("seconds").tag("topic", topic).register(registry);
        return newest;
    }
}
