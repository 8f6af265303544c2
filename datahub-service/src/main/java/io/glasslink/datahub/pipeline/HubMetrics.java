package io.glasslink.datahub.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The hub's Micrometer meters ({@code datahub.*}). */
final class HubMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> forwarded = new ConcurrentHashMap<>();
    private final Counter recordsLanded;
    private final Counter objectsLanded;
    private final Counter landingFailures;
    private final Timer landing;

    HubMetrics(MeterRegistry registry) {
        this.registry = registry;
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

    void landed(long records, int objects, long nanos) {
        recordsLanded.increment(records);
        objectsLanded.increment(objects);
        landing.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void landingFailed() {
        landingFailures.increment();
    }
}
