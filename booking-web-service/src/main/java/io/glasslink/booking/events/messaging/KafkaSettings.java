package io.glasslink.booking.events.messaging;

import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The producer timeouts as configured, with Kafka's own defaults where none is set. */
final class KafkaSettings {

    private KafkaSettings() {
    }

    /** How long {@code send()} may block waiting for metadata or buffer space. */
    static Duration maxBlock(KafkaProperties kafka) {
        return millis(kafka, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
    }

    /** How long a record may stay in the Kafka client before its send fails. */
    static Duration deliveryTimeout(KafkaProperties kafka) {
        return millis(kafka, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    }

    private static Duration millis(KafkaProperties kafka, String property, long kafkaDefault) {
        String value = kafka.getProducer().getProperties().get(property);
        return Duration.ofMillis(value == null ? kafkaDefault : Long.parseLong(value.trim()));
    }
}
