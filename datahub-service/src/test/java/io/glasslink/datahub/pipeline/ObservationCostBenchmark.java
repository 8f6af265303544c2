package io.glasslink.datahub.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.glasslink.datahub.TestEvents;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.otel.bridge.Slf4JEventListener;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What observing a record costs the hub, on one thread, no I/O: the consumer observation around a record's handling
 * and one fan-out send's observation (to a mock producer), with a registry set up as Boot sets it up (meters, the
 * OpenTelemetry bridge, W3C propagation, MDC correlation, a batch span processor that drops what it is given).
 * Compare with the hub's own ≈ 10 µs of work per event (LakeLandingBenchmark's stage row). Run on demand:
 * {@code ./mvnw -o -pl datahub-service test -Dtest=ObservationCostBenchmark -Dgroups=benchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
class ObservationCostBenchmark {

    private static final int COUNT = 50_000;
    private static final int ROUNDS = 8;

    @Test
    void observingARecordAndItsFanOutSend() {
        List<ConsumerRecord<byte[], byte[]>> sampled = records("01");
        List<ConsumerRecord<byte[], byte[]>> unsampled = records("00");
        StringBuilder report = new StringBuilder("observation cost per event, one thread, CPU µs (record + one send):");
        report.append(String.format(" no registry %.2f;", cost(ObservationRegistry.NOOP, sampled)));
        report.append(String.format(" meters only %.2f;", cost(registry(true, false, false), sampled)));
        report.append(String.format(" meters without long-task timers %.2f;", cost(registry(true, false, true), sampled)));
        report.append(String.format(" meters + spans, producer sampled %.2f;", cost(registry(true, true, false), sampled)));
        report.append(String.format(" meters + spans, producer not sampled %.2f;", cost(registry(true, true, false), unsampled)));
        report.append(String.format(" spans only, producer sampled %.2f;", cost(registry(false, true, false), sampled)));
        report.append(String.format(" spans only, producer not sampled %.2f", cost(registry(false, true, false), unsampled)));
        System.out.println("[benchmark] " + report);
    }

    private static double cost(ObservationRegistry registry, List<ConsumerRecord<byte[], byte[]>> records) {
        HubObservations observations = new HubObservations(registry, "bench");
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            producer.clear();
            long start = threads.getCurrentThreadCpuTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                observations.received(record, "datahub-consumer-0", "bench-0", () -> observations.send(producer,
                        new ProducerRecord<>("bench.fanout", null, record.key(), record.value(), new RecordHeaders(record.headers().toArray())),
                        (metadata, exception) -> { }));
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e3 / records.size());
        }
        assertThat(producer.history()).hasSize(records.size());
        return best;
    }

    /** Boot's arrangement: a meter handler, then the first tracing handler that supports the context. */
    static ObservationRegistry registry(boolean meters, boolean tracing, boolean noLongTaskTimers) {
        ObservationRegistry registry = ObservationRegistry.create();
        if (meters) {
            registry.observationConfig().observationHandler(noLongTaskTimers
                    ? new DefaultMeterObservationHandler(new SimpleMeterRegistry(), DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER)
                    : new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        }
        if (tracing) {
            SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                    .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite()).build()).build();
            io.opentelemetry.api.trace.Tracer otel = provider.get("bench");
            OtelCurrentTraceContext current = new OtelCurrentTraceContext();
            Slf4JEventListener mdc = new Slf4JEventListener();
            OtelTracer tracer = new OtelTracer(otel, current, mdc::onEvent, new OtelBaggageManager(current, List.of(), List.of()));
            OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
            registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                    new PropagatingReceiverTracingObservationHandler<>(tracer, propagator), new DefaultTracingObservationHandler(tracer)));
        }
        return registry;
    }

    /** Records as a producer sends them: binary-mode CloudEvent headers plus a W3C traceparent with {@code flags}. */
    private static List<ConsumerRecord<byte[], byte[]>> records(String flags) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(COUNT);
        OffsetDateTime time = OffsetDateTime.parse("2026-12-09T09:00:00+01:00");
        for (int i = 0; i < COUNT; i++) {
            ProducerRecord<String, byte[]> sent = TestEvents.record("bench.events", TestEvents.probeMeasured("probe-" + (i % 500), i, time, 200));
            RecordHeaders headers = new RecordHeaders(sent.headers().toArray());
            String traceparent = String.format("00-%016x%016x-%016x-%s", ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong(),
                    ThreadLocalRandom.current().nextLong(), flags);
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            records.add(new ConsumerRecord<>("bench.events", 0, i, 0L, TimestampType.CREATE_TIME, 0, 0,
                    sent.key().getBytes(StandardCharsets.UTF_8), sent.value(), headers, Optional.empty()));
        }
        return records;
    }
}
