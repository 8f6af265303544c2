package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.glasslink.supplychain.stock.StockLevel;

/** Storage of part holds, their transfer orders and the idempotency keys of hold requests. */
public interface Holds {

    /** Stores a new hold (one that takes no stock: a supplier order). */
    void add(PartHold hold);

    /**
     * Stores a new hold and takes its quantity from the stock at its source, in one atomic
     * statement and only if that much is available there: answers the new stock level, or empty
     * (and stores nothing) when the source has not enough. The stock row stays locked until the
     * transaction ends, so doing both in one round trip keeps concurrent holds on the same row
     * waiting less.
     */
    Optional<StockLevel> addTakingStock(PartHold hold);

    /** Stores the new state of an existing hold. */
    void update(PartHold hold);

    /** The hold with this id. */
    Optional<PartHold> find(UUID id);

    /** The hold with this id, locked until the end of the transaction. */
    Optional<PartHold> findForUpdate(UUID id);

    /** All holds of a booking, oldest first. */
    List<PartHold> findByBookingReference(String bookingReference);

    /**
     * Up to {@code limit} holds still HELD but lapsed at {@code now}, locked for this transaction;
     * holds another instance is already expiring are skipped.
     */
    List<PartHold> claimLapsed(Instant now, int limit);

    /** Stores a transfer order. */
    void add(TransferOrder order);

    /**
     * Claims {@code key} at {@code now} for a request with {@code requestHash} that will make the hold
     * {@code holdId} in this transaction (if the transaction rolls back, so does the claim).
     * Answers empty when the key is new; answers the hold id of the earlier request otherwise.
     * A concurrent claim of the same key waits for the first.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     */
    Optional<UUID> claimIdempotencyKey(String key, String requestHash, UUID holdId, Instant now);
}
