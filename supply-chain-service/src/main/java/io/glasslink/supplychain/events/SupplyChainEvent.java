package io.glasslink.supplychain.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event of the supply chain. {@code eventId} is fixed when the event is created, so a
 * re-published event keeps its identity; {@code partNumber} and {@code locationId} make its key.
 */
public interface SupplyChainEvent {

    /** Identity of this occurrence, stable across re-publication. */
    UUID eventId();

    /** When it happened. */
    Instant occurredAt();

    /** The part concerned. */
    String partNumber();

    /** The stock location concerned. */
    String locationId();

    /** Id of the aggregate the event is about. */
    String subject();
}
