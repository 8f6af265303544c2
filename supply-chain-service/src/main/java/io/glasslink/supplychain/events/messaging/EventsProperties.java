package io.glasslink.supplychain.events.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where events go and how the outbox catches up: {@code topic} (created at start-up with
 * {@code partitions} and {@code replicas} when missing); publications still incomplete
 * after {@code resubmitAfter} (Kafka was down, say) are sent again every {@code resubmitInterval}.
 */
@ConfigurationProperties("glasslink.supply.events")
public record EventsProperties(String topic, String source, int partitions, int replicas, Duration resubmitAfter,
                               Duration resubmitInterval) {
}
