package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.events.SupplyChainEvent;

/** A hold was released (by the booking, or as compensation); its stock is free again. */
public record PartHoldReleased(UUID eventId, OffsetDateTime occurredAt, UUID holdId, String bookingReference, String partNumber,
                       int quantity, String centreId, String locationId) implements SupplyChainEvent {

    static PartHoldReleased of(PartHold hold, Instant at) {
        return new PartHoldReleased(UUID.randomUUID(), SupplyChainEvent.paris(at), hold.id(), hold.bookingReference(), hold.partNumber(),
                hold.quantity(), hold.centreId(), hold.source().locationId());
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
