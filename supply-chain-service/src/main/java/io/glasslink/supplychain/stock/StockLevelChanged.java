package io.glasslink.supplychain.stock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.events.SupplyChainEvent;

/** The stock of a part at a location changed; the figures are absolute, not deltas. */
public record StockLevelChanged(UUID eventId, OffsetDateTime occurredAt, String partNumber, String locationId,
                                int onHand, int held, int allocated, int available) implements SupplyChainEvent {

    /** The event for a new {@code level}. */
    public static StockLevelChanged of(StockLevel level, Instant at) {
        return new StockLevelChanged(UUID.randomUUID(), SupplyChainEvent.paris(at), level.partNumber(), level.locationId(), level.onHand(),
                level.held(), level.allocated(), level.available());
    }

    @Override
    public String subject() {
        return partNumber + "@" + locationId;
    }
}
