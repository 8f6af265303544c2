package io.glasslink.supplychain.holds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Storage of part holds, their transfer orders and the idempotency keys of hold requests. */
public interface Holds {

    /** Stores a new hold. */
    void add(PartHold hold);

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
     * Claims {@code key} for a request with {@code requestHash}. Answers empty when the key is
     * new (the caller then {@linkplain #recordOutcome records} the hold it made); answers the hold
     * id of the earlier request otherwise. A concurrent claim of the same key waits for the first.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a different request
     */
    Optional<UUID> claimIdempotencyKey(String key, String requestHash);

    /** Records the hold made under {@code key}. */
    void recordOutcome(String key, UUID holdId);
}
