package io.glasslink.planning.events.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the planning events leave the outbox ({@code glasslink.events.*}): the CloudEvent
 * {@code source}, the topic and how it is created (partitions, replicas), and the outbox's
 * resubmission: every {@code resubmitEvery}, the publications older than {@code resubmitAfter} that
 * are not completed are sent again (the same CloudEvent id). {@code resubmitAfter} must exceed the
 * producer's {@code delivery.timeout.ms + max.block.ms}, so that a send still in flight is never
 * resubmitted beside itself (checked at start-up).
 */
@ConfigurationProperties("glasslink.events")
public record EventsProperties(@DefaultValue("/glasslink/planning-service") String source,
                               @DefaultValue("planning.events") String topic,
                               @DefaultValue("3") int partitions,
                               @DefaultValue("1") int replicas,
                               @DefaultValue("PT30S") Duration resubmitAfter,
                               @DefaultValue("PT15S") Duration resubmitEvery) {
}
