package io.glasslink.supplychain.events.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where events go and how the outbox catches up ({@code glasslink.events.*}): the CloudEvents
 * {@code source}; the {@code topic}, created at start-up with {@code partitions} and {@code replicas}
 * when missing; publications still incomplete {@code resubmitAfter} after they were written (Kafka
 * was down, say) are sent again every {@code resubmitEvery}; at shutdown the producer gives its
 * pending sends {@code closeTimeout}.
 */
@ConfigurationProperties("glasslink.events")
public record EventsProperties(@DefaultValue("/glasslink/supply-chain-service") String source,
                               @DefaultValue("supplychain.events") String topic,
                               @DefaultValue("3") int partitions,
                               @DefaultValue("1") int replicas,
                               @DefaultValue("30s") Duration resubmitAfter,
                               @DefaultValue("30s") Duration resubmitEvery,
                               @DefaultValue("5s") Duration closeTimeout) {
}
