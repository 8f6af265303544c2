package io.glasslink.supplychain.holds;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.supplychain.events.SupplyChainEvent;

/**
 * A confirmed part must move from {@code locationId} to the fitting centre {@code toLocationId};
 * for a {@code SUPPLIER} source the supplier first delivers it to {@code locationId} (the DC).
 */
public record TransferOrdered(UUID eventId, OffsetDateTime occurredAt, UUID transferOrderId, UUID holdId,
                              String partNumber, int quantity, String sourceType, String locationId,
                              String toLocationId, OffsetDateTime expectedArrivalAt) implements SupplyChainEvent {

    static TransferOrdered of(TransferOrder order) {
        return new TransferOrdered(UUID.randomUUID(), SupplyChainEvent.paris(order.createdAt()), order.id(), order.holdId(),
                order.partNumber(), order.quantity(), order.sourceType().name(), order.fromLocationId(),
                order.toLocationId(), order.expectedArrivalAt().toOffsetDateTime());
    }

    @Override
    public String subject() {
        return transferOrderId.toString();
    }
}
