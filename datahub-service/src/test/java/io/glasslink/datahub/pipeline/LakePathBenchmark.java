package io.glasslink.datahub.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.contracts.EventEnvelope;
import io.glasslink.datahub.contracts.EventSchemas;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.contracts.ValidEvent;
import io.glasslink.datahub.lake.LakeLayout;
import io.glasslink.datahub.lake.LakeLines;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.PartitionBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not part of {@code verify} (tag {@code benchmark}): the hub's per-event work on the lake path, stage by
 * stage (the record's consumer span and the id window, read the headers with the CloudEvents SDK, validate, write the
 * line, gzip), on one thread, no I/O; and the lake line's two ways of writing the data with Jackson's generator: as a
 * raw value, the bytes as they came ({@code LakeLines}), against re-serialising them token by token (what
 * {@code LakeLines} does for data spread over several lines), checked byte for byte first. The stages run
 * interleaved, round after round, and each figure is the median of the rounds after the warm-up ones. Run with
 * {@code ./mvnw -o -pl datahub-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=LakePathBenchmark
 * -Ddatahub.test.jvm="-Xmx2g -XX:+UseParallelGC"} ({@code -Dbench.events=N}, {@code -Dbench.rounds=N}).
 * Results on stdout and in target/benchmark-datahub-lake-path.txt.
 */
@Tag("benchmark")
class LakePathBenchmark {

    private static final String TOPIC = "hubtest.events";
    // a fixed event time in Paris, as producers write it: the figures never depend on the machine's calendar
    private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-12-09T09:00:00+01:00");
    private static final int WARM_UP_ROUNDS = 4;

    private final int count = Integer.getInteger("bench.events", 50_000);
    private final int rounds = Integer.getInteger("bench.rounds", 15);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void theHubsPerEventWorkOnTheLakePathByStageAndTheLakeLinesDataWrittenRawOrReSerialised() throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = records();
        BinaryEnvelopes envelopes = new BinaryEnvelopes();
        EventValidator validator = new EventValidator(EventSchemas.loadFromClasspath());
        JsonMapper json = JsonMapper.builder().build();
        LakeLines lines = new LakeLines(json);
        ReSerialisedLines reSerialised = new ReSerialisedLines(json);
        LakeLayout layout = new LakeLayout("raw");
        LakeProperties lake = new LakeProperties("bench", "raw", false, count, DataSize.ofMegabytes(512), Duration.ofHours(1),
                Duration.ofSeconds(30), DataSize.ofMegabytes(16), DataSize.ofMegabytes(8));
        EventEnvelope[] envelope = new EventEnvelope[count];
        ValidEvent[] valid = new ValidEvent[count];
        String[] traceparents = new String[count];
        for (int i = 0; i < count; i++) {
            traceparents[i] = text(records.get(i).headers().lastHeader("traceparent"));
        }
        sameLines(records, envelopes, validator, lines, reSerialised, traceparents);

        // the hub's default: a consumer span per record (spans only, parent-based sampling, producer sampled)
        HubObservations observations = new HubObservations(ObservationCostBenchmark.registry(false, true, false), "bench");
        List<double[]> measured = new ArrayList<>();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            double[] us = new double[7];
            long t1 = cpu();
            for (int i = 0; i < count; i++) {
                envelope[i] = envelopes.read(records.get(i));
            }
            long t2 = cpu();
            for (int i = 0; i < count; i++) {
                valid[i] = validator.validate(TOPIC, envelope[i]);
            }
            long t3 = cpu();
            for (int i = 0; i < count; i++) {
                sink += reSerialised.encode(valid[i], TOPIC, 0, i, traceparents[i]);
            }
            long t4 = cpu();
            for (int i = 0; i < count; i++) {
                sink += lines.encodeInPlace(valid[i], TOPIC, 0, i, traceparents[i]);
            }
            long t5 = cpu();
            PartitionBatch batch = new PartitionBatch(TOPIC, 0, 0, System.nanoTime(), layout, lake);
            for (int i = 0; i < count; i++) {
                int n = lines.encodeInPlace(valid[i], TOPIC, 0, i, traceparents[i]);
                batch.append(valid[i].type(), valid[i].time().toInstant(), lines.buffer(), n, i);
            }
            sink += batch.seal().size();
            long t6 = cpu();
            EventIdWindow window = new EventIdWindow(50_000);
            for (int i = 0; i < count; i++) {
                ConsumerRecord<byte[], byte[]> record = records.get(i);
                String id = envelope[i].id();
                observations.received(record, "datahub-consumer-0", "bench-0", () -> window.repeat(record.offset(), id));
            }
            long t7 = cpu();
            us[1] = perEvent(t2 - t1);
            us[2] = perEvent(t3 - t2);
            us[3] = perEvent(t4 - t3);
            us[4] = perEvent(t5 - t4);
            us[5] = perEvent(t6 - t5) - us[4];
            us[6] = perEvent(t7 - t6);
            if (round >= WARM_UP_ROUNDS) {
                measured.add(us);
            }
        }
        assertThat(sink).isPositive();

        double read = median(measured, 1);
        double validate = median(measured, 2);
        double reSerialisedLine = median(measured, 3);
        double line = median(measured, 4);
        double gzip = median(measured, 5);
        double observed = median(measured, 6);
        double hub = observed + read + validate + line + gzip;
        double hubReSerialised = hub - line + reSerialisedLine;
        say("machine: %d cores, load average %s (uptime); JVM %s %s", Runtime.getRuntime().availableProcessors(), loadAverage(),
                System.getProperty("java.vm.version"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        say("%,d events of %d bytes, %d rounds, median of the last %d (CPU µs per event, one thread, no I/O):",
                count, records.get(0).value().length, rounds, measured.size());
        say("  read the headers (CloudEvents SDK reader) %.2f", read);
        say("  validate (parse + schema) %.2f", validate);
        say("  write the lake line (Jackson JsonGenerator): LakeLines, data as a raw value %.2f; data re-serialised %.2f",
                line, reSerialisedLine);
        say("  gzip (append + seal) %.2f", gzip);
        say("  the record's consumer span and the id window %.2f", observed);
        say("  hub work per event: %.2f (%.2f with the data re-serialised: the raw value saves %.1f %%)",
                hub, hubReSerialised, 100 * (hubReSerialised - hub) / hubReSerialised);
        say("  rounds (read, validate, line re-serialised, line, gzip, span + window): %s", rounds(measured));
        Files.write(Path.of("target", "benchmark-datahub-lake-path.txt"), report, StandardCharsets.UTF_8);
    }

    /** The lake line with the data re-serialised token by token from its bytes, whatever its layout. */
    static final class ReSerialisedLines {

        private final JsonMapper json;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);

        ReSerialisedLines(JsonMapper json) {
            this.json = json;
        }

        byte[] line(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
            encode(valid, topic, partition, offset, traceparent);
            return out.toByteArray();
        }

        int encode(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
            EventEnvelope event = valid.envelope();
            out.reset();
            try (JsonGenerator line = json.createGenerator(out); JsonParser data = json.createParser(event.data())) {
                line.writeStartObject();
                line.writeStringProperty("specversion", event.specversion());
                line.writeStringProperty("id", event.id());
                line.writeStringProperty("source", event.source());
                line.writeStringProperty("type", event.type());
                line.writeStringProperty("subject", event.subject());
                line.writeStringProperty("time", event.timeText());
                line.writeStringProperty("datacontenttype", event.datacontenttype());
                line.writeStringProperty("dataschema", event.dataschema());
                boolean traced = false;
                for (EventEnvelope.Extension extension : event.extensions()) {
                    traced |= extension.name().equals("traceparent");
                    line.writeStringProperty(extension.name(), extension.value().toString());
                }
                if (!traced && traceparent != null) {
                    line.writeStringProperty("traceparent", traceparent);
                }
                line.writeStringProperty("kafkatopic", topic);
                line.writeNumberProperty("kafkapartition", partition);
                line.writeNumberProperty("kafkaoffset", offset);
                line.writeName("data");
                data.nextToken();
                line.copyCurrentStructureExact(data);
                line.writeEndObject();
            }
            out.write('\n');
            return out.size();
        }
    }

    /** Both writers give the same line, byte for byte, for every record. */
    private static void sameLines(List<ConsumerRecord<byte[], byte[]>> records, BinaryEnvelopes envelopes, EventValidator validator,
                                  LakeLines lines, ReSerialisedLines reSerialised, String[] traceparents) throws Exception {
        for (int i = 0; i < records.size(); i++) {
            ValidEvent valid = validator.validate(TOPIC, envelopes.read(records.get(i)));
            assertThat(new String(reSerialised.line(valid, TOPIC, 0, i, traceparents[i]), StandardCharsets.UTF_8))
                    .isEqualTo(new String(lines.encode(valid, TOPIC, 0, i, traceparents[i]), StandardCharsets.UTF_8));
        }
    }

    /** ≈ 1 KB ProbeMeasured events as producers publish them: binary mode, {@code ce_traceparent} and {@code traceparent}. */
    private List<ConsumerRecord<byte[], byte[]>> records() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String traceparent = "00-%032x-%016x-01".formatted(i + 1, i + 1);
            ProducerRecord<String, byte[]> produced = TestEvents.record(TOPIC, CloudEventBuilder.v1(
                    TestEvents.probeMeasured("probe-" + (i % 500), i, BASE.plusNanos(i * 1000L), 860))
                    .withExtension("traceparent", traceparent).build());
            RecordHeaders headers = new RecordHeaders(produced.headers().toArray());
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            records.add(new ConsumerRecord<>(TOPIC, 0, i, 0L, TimestampType.CREATE_TIME, -1, -1,
                    produced.key().getBytes(StandardCharsets.UTF_8), produced.value(), headers, Optional.empty()));
        }
        return records;
    }

    private final List<String> report = new ArrayList<>();

    private void say(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println("[benchmark] " + line);
        report.add(line);
    }

    private long cpu() {
        return threads.getCurrentThreadCpuTime();
    }

    private double perEvent(long nanos) {
        return nanos / 1e3 / count;
    }

    private static double median(List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String rounds(List<double[]> rounds) {
        StringBuilder s = new StringBuilder();
        for (double[] r : rounds) {
            s.append(String.format(" [%.2f %.2f %.2f %.2f %.2f %.2f]", r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        return s.toString().trim();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
