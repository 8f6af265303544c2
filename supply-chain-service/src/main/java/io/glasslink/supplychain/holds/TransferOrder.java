package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.glasslink.supplychain.availability.SourceType;

/** An order to move a confirmed part from its source location to the fitting centre. */
public record TransferOrder(UUID id, UUID holdId, String partNumber, int quantity, SourceType sourceType,
                            String fromLocationId, String toLocationId, ZonedDateTime expectedArrivalAt,
                            Instant createdAt) {

    /** The transfer a confirmed {@code hold} needs. */
    public static TransferOrder forHold(PartHold hold, Instant now) {
        return new TransferOrder(UUID.randomUUID(), hold.id(), hold.partNumber(), hold.quantity(),
                hold.source().type(), hold.source().locationId(), hold.centreId(), hold.earliestAvailableAt(), now);
    }
}
