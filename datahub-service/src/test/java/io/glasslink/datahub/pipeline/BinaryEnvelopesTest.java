package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryEnvelopesTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-01T09:30:00.250+01:00");
    private final BinaryEnvelopes envelopes = new BinaryEnvelopes();

    @Test
    void readsThePlainFormFromTheHeadersAsTheSdkReadsIt() {
        ConsumerRecord<byte[], byte[]> record = consumed(TestEvents.record("hubtest.events",
                CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 3, TIME, 5)).withExtension("traceparent", "00-abc-01").build()));

        EventEnvelope fast = envelopes.read(record);
        EventEnvelope sdk = EventEnvelope.of(KafkaMessageFactory.createReader(record).toEvent());

        assertThat(fast).usingRecursiveComparison().ignoringFields("timeText").isEqualTo(sdk);
        assertThat(fast.timeText()).as("the time as the producer wrote it")
                .isEqualTo(new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8));
        assertThat(fast.data()).isSameAs(record.value());
    }

    @Test
    void leavesOtherFormsToTheSdkWithItsOwnVerdict() {
        ConsumerRecord<byte[], byte[]> shortTime = consumed(TestEvents.record("hubtest.events", TestEvents.probeMeasured("p1", 3, TIME, 5)));
        shortTime.headers().remove("ce_time").add("ce_time", "2026-12-01T09:30+01:00".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> badExtension = consumed(TestEvents.record("hubtest.events", TestEvents.probeMeasured("p1", 3, TIME, 5)));
        badExtension.headers().add("ce_Bad-Name", "x".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> notAnEvent = new ConsumerRecord<>("hubtest.events", 0, 0, null, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(envelopes.read(shortTime).time()).isEqualTo(OffsetDateTime.parse("2026-12-01T09:30:00+01:00"));
        assertThatThrownBy(() -> envelopes.read(badExtension)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> envelopes.read(notAnEvent)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void keepsTheTimeTextOfTheTimeTheSdkReadWhenTheTimeHeaderIsRepeated() {
        ConsumerRecord<byte[], byte[]> twice = consumed(TestEvents.record("hubtest.events", TestEvents.probeMeasured("p1", 3, TIME, 5)));
        twice.headers().add("ce_time", "2026-12-01T10:45:00.500+01:00".getBytes(StandardCharsets.UTF_8));

        EventEnvelope read = envelopes.read(twice);

        assertThat(OffsetDateTime.parse(read.timeText())).isEqualTo(read.time());
    }

    private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(produced.topic(), 0, 42, 0L, TimestampType.CREATE_TIME, -1, -1,
                produced.key().getBytes(StandardCharsets.UTF_8), produced.value(), new RecordHeaders(produced.headers().toArray()),
                Optional.empty());
    }
}
