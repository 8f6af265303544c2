package io.glasslink.supplychain.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.calendar.BusinessCalendar;

/**
 * A domain event of the supply chain. {@code eventId} is fixed when the event is created, so a
 * re-published event keeps its identity; {@code partNumber} and {@code locationId} make its key.
 * Its times carry the offset Europe/Paris has at that instant, as every time on the wire does.
 */
public interface SupplyChainEvent {

    /** Identity of this occurrence, stable across re-publication. */
    UUID eventId();

    /** When it happened. */
    OffsetDateTime occurredAt();

    /** The part concerned. */
    String partNumber();

    /** The stock location concerned. */
    String locationId();

    /** Id of the aggregate the event is about. */
    String subject();

    /** {@code instant} with the offset of Europe/Paris then. */
    static OffsetDateTime paris(Instant instant) {
        return instant.atZone(BusinessCalendar.ZONE).toOffsetDateTime();
    }
}
