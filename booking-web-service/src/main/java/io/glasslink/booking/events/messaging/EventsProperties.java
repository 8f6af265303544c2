package io.glasslink.booking.events.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where events go and how the outbox catches up ({@code glasslink.events.*}): the CloudEvents {@code source}, the
 * {@code topic} (created at start-up with {@code partitions} and {@code replicas} when missing); publications still
 * incomplete after {@code resubmitAfter} are sent again, looked for every {@code resubmitEvery}. {@code resubmitAfter}
 * must exceed the producer's {@code delivery.timeout.ms} + {@code max.block.ms}, so a send the Kafka client may
 * still deliver is never sent a second time ({@link OutboxResubmission} checks it at start-up).
 */
@ConfigurationProperties("glasslink.events")
public record EventsProperties(@DefaultValue("/glasslink/booking-web-service") String source,
                               @DefaultValue("booking.events") String topic,
                               @DefaultValue("3") int partitions,
                               @DefaultValue("1") int replicas,
                               @DefaultValue("30s") Duration resubmitAfter,
                               @DefaultValue("15s") Duration resubmitEvery) {
}
