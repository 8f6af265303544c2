package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.glasslink.datahub.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads the CloudEvent of a Kafka record in binary content mode ({@code ce_*} headers, JSON value) with the
 * CloudEvents SDK's Kafka reader, keeping {@code time} as the producer wrote it (the lake line keeps that text).
 * Thread-safe.
 */
final class BinaryEnvelopes {

    private static final String TIME = "ce_time";

    /** The envelope of {@code record}; throws what the SDK throws for a record that is not a CloudEvent. */
    EventEnvelope read(ConsumerRecord<byte[], byte[]> record) {
        var event = KafkaMessageFactory.createReader(record).toEvent();
        Header time = record.headers().lastHeader(TIME);
        return EventEnvelope.of(event, time == null || time.value() == null ? null : new String(time.value(), StandardCharsets.UTF_8));
    }
}
