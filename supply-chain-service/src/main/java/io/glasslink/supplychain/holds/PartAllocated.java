package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.events.SupplyChainEvent;

/** A held part was confirmed for its booking: the hold became an allocation. */
public record PartAllocated(UUID eventId, OffsetDateTime occurredAt, UUID holdId, String bookingReference, String partNumber,
                       int quantity, String centreId, String locationId) implements SupplyChainEvent {

    static PartAllocated of(PartHold hold, Instant at) {
        return new PartAllocated(UUID.randomUUID(), SupplyChainEvent.paris(at), hold.id(), hold.bookingReference(), hold.partNumber(),
                hold.quantity(), hold.centreId(), hold.source().locationId());
    }

    @Override
    public String subject() {
        return holdId.toString();
    }
}
