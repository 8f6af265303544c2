package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Dead-letter records: the original key, value and headers plus why and where it was read, as UTF-8 text headers. */
public final class DeadLetters {

    /** Why the record was rejected. */
    public static final String REASON = "glasslink-dlq-reason";
    /** Source topic. */
    public static final String TOPIC = "glasslink-dlq-topic";
    /** Source partition. */
    public static final String PARTITION = "glasslink-dlq-partition";
    /** Source offset. */
    public static final String OFFSET = "glasslink-dlq-offset";

    private static final int MAX_REASON = 1000;

    private DeadLetters() {
    }

    static ProducerRecord<byte[], byte[]> of(String deadLetterTopic, ConsumerRecord<byte[], byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        String bounded = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        headers.add(REASON, bounded.getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(), headers);
    }
}
