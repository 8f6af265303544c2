package io.glasslink.datahub.lake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import io.glasslink.datahub.contracts.EventType;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionBatchTest {

    private static final EventType MEASURED = new EventType("hubtest", "ProbeMeasured", 1);
    private static final EventType RESET = new EventType("hubtest", "ProbeReset", 1);
    private static final Instant T0 = Instant.parse("2026-12-01T09:10:00Z");
    private final LakeLayout layout = new LakeLayout("raw");

    private PartitionBatch batch(long start, int maxRecords, DataSize maxBytes, Duration interval, Duration flushAfter) {
        return new PartitionBatch("hubtest.events", 2, start, 0, layout,
                new LakeProperties("lake", "raw", false, maxRecords, maxBytes, interval, flushAfter, DataSize.ofMegabytes(16), DataSize.ofMegabytes(8)));
    }

    private PartitionBatch batch(long start) {
        return batch(start, 1000, DataSize.ofMegabytes(1), Duration.ofHours(1), Duration.ofSeconds(30));
    }

    @Test
    void writesOneGzipFilePerEventTypeAndEventHourNamedAfterItsFirstOffset() throws IOException {
        PartitionBatch batch = batch(40);
        batch.append(MEASURED, T0, line("a"), 40);
        batch.append(RESET, T0, line("b"), 41);
        batch.skip(42);
        batch.append(MEASURED, T0.plusSeconds(60), line("c"), 43);
        batch.append(MEASURED, T0.minus(Duration.ofHours(3)), line("late"), 44);

        List<LakeObject> objects = batch.seal();

        assertThat(objects).extracting(LakeObject::key).containsExactly(
                "raw/hubtest/ProbeMeasured.v1/dt=2026-12-01/hr=09/hubtest.events+2+40.jsonl.gz",
                "raw/hubtest/ProbeReset.v1/dt=2026-12-01/hr=09/hubtest.events+2+41.jsonl.gz",
                "raw/hubtest/ProbeMeasured.v1/dt=2026-12-01/hr=06/hubtest.events+2+44.jsonl.gz");
        assertThat(gunzip(objects.get(0).content())).isEqualTo("a\nc\n");
        assertThat(objects.get(0).records()).isEqualTo(2);
        assertThat(batch.nextOffset()).isEqualTo(45);
    }

    @Test
    void aRepeatedEventIdAdvancesTheBatchWithoutALine() throws IOException {
        PartitionBatch batch = batch(7);
        batch.append(MEASURED, T0, line("a"), 7);
        batch.duplicate(8);
        batch.append(MEASURED, T0.plusSeconds(1), line("b"), 9);

        List<LakeObject> objects = batch.seal();

        assertThat(gunzip(objects.get(0).content())).isEqualTo("a\nb\n");
        assertThat(batch.records()).isEqualTo(2);
        assertThat(batch.duplicates()).isEqualTo(1);
        assertThat(batch.newestEventTime()).isEqualTo(T0.plusSeconds(1));
        assertThat(batch.newestEventTimes()).containsExactly(java.util.Map.entry(MEASURED, T0.plusSeconds(1)));
        assertThat(batch.nextOffset()).isEqualTo(10);
    }

    @Test
    void knowsTheNewestEventTimeOfEachDatasetWhateverTheOrderOfArrival() {
        PartitionBatch batch = batch(0);
        batch.append(MEASURED, T0.plusSeconds(30), line("a"), 0);
        batch.append(RESET, T0.plusSeconds(5), line("b"), 1);
        batch.append(MEASURED, T0.plusSeconds(10), line("c"), 2);

        assertThat(batch.newestEventTimes()).containsOnly(java.util.Map.entry(MEASURED, T0.plusSeconds(30)),
                java.util.Map.entry(RESET, T0.plusSeconds(5)));
    }

    @Test
    void theEventTimeWindowEndsAtAUtcHourAcrossTheSpringDstChange() {
        // 01:59 in Paris (+01:00), then 03:00 (+02:00) a minute later: 00:59 and 01:00 UTC
        Instant beforeChange = java.time.OffsetDateTime.parse("2026-03-29T01:59:00+01:00").toInstant();
        Instant afterChange = java.time.OffsetDateTime.parse("2026-03-29T03:00:00+02:00").toInstant();
        PartitionBatch batch = batch(0);
        batch.append(MEASURED, beforeChange, line("a"), 0);

        assertThat(batch.endsBefore(afterChange)).isTrue();
        assertThat(batch.seal()).extracting(LakeObject::key)
                .containsExactly("raw/hubtest/ProbeMeasured.v1/dt=2026-03-29/hr=00/hubtest.events+2+0.jsonl.gz");
    }

    @Test
    void isFullAtTheRecordLimit() {
        PartitionBatch batch = batch(0, 2, DataSize.ofMegabytes(1), Duration.ofHours(1), Duration.ofSeconds(30));
        batch.append(MEASURED, T0, line("a"), 0);
        assertThat(batch.full()).isFalse();
        batch.append(MEASURED, T0, line("b"), 1);
        assertThat(batch.full()).isTrue();
    }

    @Test
    void isFullAtTheUncompressedByteLimit() {
        PartitionBatch batch = batch(0, 1000, DataSize.ofBytes(100), Duration.ofHours(1), Duration.ofSeconds(30));
        batch.append(MEASURED, T0, line("x".repeat(60)), 0);
        assertThat(batch.full()).isFalse();
        batch.append(MEASURED, T0, line("y".repeat(60)), 1);
        assertThat(batch.full()).isTrue();
    }

    @Test
    void endsBeforeAnEventPastItsEventTimeWindowButNotBeforeALateOne() {
        PartitionBatch batch = batch(0, 1000, DataSize.ofMegabytes(1), Duration.ofMinutes(15), Duration.ofSeconds(30));
        batch.append(MEASURED, T0, line("a"), 0);

        assertThat(batch.endsBefore(Instant.parse("2026-12-01T09:14:59Z"))).isFalse();
        assertThat(batch.endsBefore(Instant.parse("2026-12-01T09:15:00Z"))).isTrue();
        assertThat(batch.endsBefore(Instant.parse("2026-12-01T08:00:00Z"))).isFalse();
    }

    @Test
    void isDueOnceOpenForTheIdleFlushInterval() {
        PartitionBatch batch = batch(0, 1000, DataSize.ofMegabytes(1), Duration.ofHours(1), Duration.ofMillis(500));
        assertThat(batch.due(Duration.ofMillis(499).toNanos())).isFalse();
        assertThat(batch.due(Duration.ofMillis(500).toNanos())).isTrue();
    }

    @Test
    void aBatchOfSkippedRecordsHasNoFileButMovesTheOffset() {
        PartitionBatch batch = batch(7);
        assertThat(batch.isEmpty()).isTrue();
        batch.skip(7);
        batch.skip(8);

        assertThat(batch.seal()).isEmpty();
        assertThat(batch.isEmpty()).isFalse();
        assertThat(batch.nextOffset()).isEqualTo(9);
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
