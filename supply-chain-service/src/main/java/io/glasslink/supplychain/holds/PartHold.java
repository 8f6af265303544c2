package io.glasslink.supplychain.holds;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import io.glasslink.supplychain.availability.SourceType;
import io.glasslink.supplychain.availability.SupplyOption;
import io.glasslink.supplychain.availability.SupplySource;

/**
 * A quantity of a part reserved at a source location for a booking, to be fitted at a centre.
 * It guards its own life cycle: only a live hold can be confirmed; confirming or releasing twice
 * changes nothing the second time.
 */
public final class PartHold {

    private final UUID id;
    private final String bookingReference;
    private final String partNumber;
    private final int quantity;
    private final String centreId;
    private final SupplySource source;
    private final Instant expiresAt;
    private final ZonedDateTime earliestAvailableAt;
    private final Instant createdAt;
    private HoldStatus status;
    private UUID transferOrderId;
    private Instant updatedAt;

    /** Rebuilds a hold from storage. */
    public PartHold(UUID id, String bookingReference, String partNumber, int quantity, String centreId,
                    SupplySource source, HoldStatus status, Instant expiresAt, ZonedDateTime earliestAvailableAt,
                    UUID transferOrderId, Instant createdAt, Instant updatedAt) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        this.id = Objects.requireNonNull(id);
        this.bookingReference = Objects.requireNonNull(bookingReference);
        this.partNumber = Objects.requireNonNull(partNumber);
        this.quantity = quantity;
        this.centreId = Objects.requireNonNull(centreId);
        this.source = Objects.requireNonNull(source);
        this.status = Objects.requireNonNull(status);
        this.expiresAt = Objects.requireNonNull(expiresAt);
        this.earliestAvailableAt = Objects.requireNonNull(earliestAvailableAt);
        this.transferOrderId = transferOrderId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    /** A new live hold taken at {@code now}, living for {@code ttl}. */
    public static PartHold place(String bookingReference, String partNumber, int quantity, String centreId,
                                 SupplyOption option, Duration ttl, Instant now) {
        return place(UUID.randomUUID(), bookingReference, partNumber, quantity, centreId, option, ttl, now);
    }

    /** A new live hold with an id chosen beforehand (the one its idempotency key already names). */
    public static PartHold place(UUID id, String bookingReference, String partNumber, int quantity, String centreId,
                                 SupplyOption option, Duration ttl, Instant now) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a hold must live for a positive time");
        }
        // to the microsecond, as stored: the first answer and every later read of the hold agree
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new PartHold(id, bookingReference, partNumber, quantity, centreId, option.source(),
                HoldStatus.HELD, at.plus(ttl), option.earliestAvailableAt(), null, at, at);
    }

    /** Whether the hold is still HELD but past its expiry at {@code now}. */
    public boolean isLapsedAt(Instant now) {
        return status == HoldStatus.HELD && !now.isBefore(expiresAt);
    }

    /**
     * Confirms a live hold; answers false (and changes nothing) when it is already confirmed.
     *
     * @throws HoldNotActiveException when the hold was released or has expired
     */
    public boolean confirm(Instant now, UUID transferOrder) {
        if (status == HoldStatus.CONFIRMED) {
            return false;
        }
        if (status != HoldStatus.HELD || isLapsedAt(now)) {
            throw new HoldNotActiveException(id, isLapsedAt(now) ? HoldStatus.EXPIRED : status);
        }
        status = HoldStatus.CONFIRMED;
        transferOrderId = transferOrder;
        updatedAt = now;
        return true;
    }

    /** Releases a held or confirmed hold; answers false (and changes nothing) when it is already over. */
    public boolean release(Instant now) {
        if (status == HoldStatus.RELEASED || status == HoldStatus.EXPIRED) {
            return false;
        }
        status = HoldStatus.RELEASED;
        updatedAt = now;
        return true;
    }

    /** Marks a lapsed hold expired; answers false when it is not lapsed. */
    public boolean expire(Instant now) {
        if (!isLapsedAt(now)) {
            return false;
        }
        status = HoldStatus.EXPIRED;
        updatedAt = now;
        return true;
    }

    /** Whether the part must travel to the centre once confirmed. */
    public boolean needsTransfer() {
        return source.type() != SourceType.LOCAL_STOCK;
    }

    public UUID id() { return id; }
    public String bookingReference() { return bookingReference; }
    public String partNumber() { return partNumber; }
    public int quantity() { return quantity; }
    public String centreId() { return centreId; }
    public SupplySource source() { return source; }
    public HoldStatus status() { return status; }
    public Instant expiresAt() { return expiresAt; }
    public ZonedDateTime earliestAvailableAt() { return earliestAvailableAt; }
    public UUID transferOrderId() { return transferOrderId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
