package io.glasslink.datahub.pipeline;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation;

/**
 * Spring Kafka's listener and template observations around the hub's own clients, so that a record's handling
 * is a consumer span continuing the trace of the record's W3C {@code traceparent} header, and every dead letter or
 * fan-out send is a producer span, its child, whose context is written into the sent record's {@code traceparent}.
 * The spans are those of a {@code @KafkaListener} and a {@code KafkaTemplate} with observation enabled
 * ({@code <topic> process}, {@code <topic> send}); the registry given decides what else is recorded.
 */
final class HubObservations {

    /** The {@code spring.kafka.template.name} of the hub's producer. */
    static final String PRODUCER = "datahub-producer";

    private final ObservationRegistry registry;
    private final String groupId;

    HubObservations(ObservationRegistry registry, String groupId) {
        this.registry = registry;
        this.groupId = groupId;
    }

    /** Runs {@code handling} of {@code record} as the current observation (consumer span) of this thread. */
    void received(ConsumerRecord<byte[], byte[]> record, String listenerId, String clientId, Runnable handling) {
        if (registry.isNoop()) {
            handling.run();
            return;
        }
        KafkaListenerObservation.LISTENER_OBSERVATION.observation(null, KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listenerId, clientId, groupId, () -> null), registry).observe(handling);
    }

    /** Sends {@code record} as a child of the current observation; the observation ends when the broker answers. */
    void send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record, Callback callback) {
        if (registry.isNoop()) {
            producer.send(record, callback);
            return;
        }
        Observation observation = KafkaTemplateObservation.TEMPLATE_OBSERVATION.observation(null,
                KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention.INSTANCE,
                () -> new KafkaRecordSenderContext(record, PRODUCER, () -> null), registry);
        // starting writes the producer span's traceparent into the record's headers
        observation.start();
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    observation.error(exception);
                }
                observation.stop();
                callback.onCompletion(metadata, exception);
            });
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
    }
}
