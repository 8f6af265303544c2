package io.glasslink.booking.events.messaging;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * The CloudEvents distributed-tracing extension on every record: {@code ce_traceparent} is the W3C
 * {@code traceparent} that Spring Kafka's send observation has just written for its producer span, so the
 * event itself names the span that sent it (a consumer or the lake may keep the CloudEvent and drop the
 * Kafka headers). A record sent without an observation carries neither.
 */
public class TraceparentExtension implements ProducerInterceptor<Object, Object> {

    static final String TRACEPARENT = "traceparent";
    static final String CE_TRACEPARENT = "ce_traceparent";

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Header traceparent = record.headers().lastHeader(TRACEPARENT);
        if (traceparent != null) {
            record.headers().remove(CE_TRACEPARENT).add(CE_TRACEPARENT, traceparent.value());
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
