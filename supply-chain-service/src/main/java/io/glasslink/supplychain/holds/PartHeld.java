package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.events.SupplyChainEvent;

/** A quantity of a part was held at {@code locationId} for a booking to be fitted at {@code centreId}. */
public record PartHeld(UUID eventId, OffsetDateTime occurredAt, UUID holdId, String bookingReference, String partNumber,
                       int quantity, String centreId, String locationId, String sourceType, OffsetDateTime expiresAt,
                       OffsetDateTime earliestAvailableAt) implements SupplyChainEvent {

    static PartHeld of(PartHold hold, Instant at) {
        return new PartHeld(UUID.randomUUID(), SupplyChainEvent.paris(at), hold.id(), hold.bookingReference(), hold.partNumber(),
                hold.quantity(), hold.centreId(), hold.source().locationId(), hold.source().type().name(),
                SupplyChainEvent.paris(hold.expiresAt()), hold.earliestAvailableAt().toOffsetDateTime());
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
