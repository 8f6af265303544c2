package io.glasslink.planning.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A planning domain event. Its {@link #eventId()} is fixed when the event is created and stored
 * with it in the outbox, so a re-publication carries the same CloudEvent id.
 */
public interface PlanningEvent {

    /** Unique id of this occurrence (CloudEvent {@code id}). */
    UUID eventId();

    /** The centre concerned: the Kafka record key. */
    String centreId();

    /** The aggregate the event is about (CloudEvent {@code subject}). */
    String subject();

    /** When it happened (CloudEvent {@code time}). */
    OffsetDateTime occurredAt();
}
