package io.glasslink.supplychain.holds;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.glasslink.supplychain.availability.SupplyOption;
import io.glasslink.supplychain.availability.SupplyPlanner;
import io.glasslink.supplychain.catalog.Catalog;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.holds.HoldOutcomes.Outcome;
import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.Network;
import io.glasslink.supplychain.network.UnknownCentreException;
import io.glasslink.supplychain.stock.Stock;
import io.glasslink.supplychain.stock.StockLevel;
import io.glasslink.supplychain.stock.StockLevelChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds, confirms and releases parts. Each operation is one transaction: the stock change, the
 * hold, the transfer order and the domain events (through the event publication registry) commit
 * together or not at all.
 */
@Service
public class HoldService {

    private final Holds holds;
    private final Stock stock;
    private final Catalog catalog;
    private final Network network;
    private final SupplyPlanner planner;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HoldOutcomes outcomes;

    HoldService(Holds holds, Stock stock, Catalog catalog, Network network, SupplyPlanner planner,
                ApplicationEventPublisher events, Clock clock, HoldOutcomes outcomes) {
        this.holds = holds;
        this.stock = stock;
        this.catalog = catalog;
        this.network = network;
        this.planner = planner;
        this.events = events;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    /**
     * Holds the part at the nearest location on the centre's supply route that still has enough
     * (centre, depot, DC), or as a supplier order when none has and the supplier makes it. A
     * request repeated under the same {@code idempotencyKey} answers the hold made the first time.
     *
     * @throws UnknownPartException or {@link UnknownCentreException} before anything is written
     * @throws InsufficientStockException when the part cannot be held anywhere
     */
    @Transactional
    public PartHold place(PlaceHold command, String idempotencyKey) {
        Part part = catalog.findPart(command.partNumber())
                .orElseThrow(() -> new UnknownPartException(command.partNumber()));
        Location centre = network.centre(command.centreId())
                .orElseThrow(() -> new UnknownCentreException(command.centreId()));
        UUID holdId = UUID.randomUUID();
        Instant now = clock.instant();
        Optional<UUID> earlier = holds.claimIdempotencyKey(idempotencyKey, command.fingerprint(), holdId, now);
        if (earlier.isPresent()) {
            return holds.find(earlier.get()).orElseThrow(() -> new HoldNotFoundException(earlier.get()));
        }
        for (SupplyOption option : planner.options(part, centre, now)) {
            PartHold hold = PartHold.place(holdId, command.bookingReference(), part.partNumber(),
                    command.quantity(), centre.id(), option, command.ttl(), now);
            Optional<StockLevel> level = Optional.empty();
            if (option.source().fromStock()) {
                level = holds.addTakingStock(hold);
                if (level.isEmpty()) {
                    continue;
                }
            } else {
                holds.add(hold);
            }
            events.publishEvent(PartHeld.of(hold, now));
            level.ifPresent(l -> events.publishEvent(StockLevelChanged.of(l, now)));
            outcomes.count(Outcome.HELD);
            return hold;
        }
        outcomes.count(Outcome.REFUSED);
        throw new InsufficientStockException(part.partNumber(), command.quantity(), centre.id());
    }

    /** The hold with this id. */
    @Transactional(readOnly = true)
    public PartHold get(UUID holdId) {
        return holds.find(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
    }

    /** All holds of a booking. */
    @Transactional(readOnly = true)
    public List<PartHold> forBooking(String bookingReference) {
        return holds.findByBookingReference(bookingReference);
    }

    /**
     * Confirms a live hold: the held stock becomes allocated and, when the part is not at the
     * centre yet, a transfer order is raised. Confirming again answers the same.
     *
     * @throws HoldNotActiveException when the hold was released or has expired
     */
    @Transactional
    public PartHold confirm(UUID holdId) {
        PartHold hold = holds.findForUpdate(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        Instant now = clock.instant();
        TransferOrder transfer = hold.needsTransfer() && hold.status() == HoldStatus.HELD
                ? TransferOrder.forHold(hold, now) : null;
        if (!hold.confirm(now, transfer == null ? null : transfer.id())) {
            return hold;
        }
        if (hold.source().fromStock()) {
            StockLevel level = stock.allocate(hold.partNumber(), hold.source().locationId(), hold.quantity());
            events.publishEvent(StockLevelChanged.of(level, now));
        }
        holds.update(hold);
        events.publishEvent(PartAllocated.of(hold, now));
        if (transfer != null) {
            holds.add(transfer);
            events.publishEvent(TransferOrdered.of(transfer));
        }
        outcomes.count(Outcome.CONFIRMED);
        return hold;
    }

    /** Releases a hold (held or confirmed) and frees its stock. Releasing again answers the same. */
    @Transactional
    public PartHold release(UUID holdId) {
        PartHold hold = holds.findForUpdate(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        Instant now = clock.instant();
        boolean wasConfirmed = hold.status() == HoldStatus.CONFIRMED;
        if (!hold.release(now)) {
            return hold;
        }
        if (hold.source().fromStock()) {
            StockLevel level = wasConfirmed
                    ? stock.deallocate(hold.partNumber(), hold.source().locationId(), hold.quantity())
                    : stock.unhold(hold.partNumber(), hold.source().locationId(), hold.quantity());
            events.publishEvent(StockLevelChanged.of(level, now));
        }
        holds.update(hold);
        events.publishEvent(PartHoldReleased.of(hold, now));
        outcomes.count(Outcome.RELEASED);
        return hold;
    }

    /**
     * Frees up to {@code limit} lapsed holds; safe to run on several instances at once (each claims
     * different holds). Answers how many it expired.
     */
    @Transactional
    public int expireLapsed(int limit) {
        Instant now = clock.instant();
        List<PartHold> lapsed = holds.claimLapsed(now, limit);
        for (PartHold hold : lapsed) {
            hold.expire(now);
            if (hold.source().fromStock()) {
                StockLevel level = stock.unhold(hold.partNumber(), hold.source().locationId(), hold.quantity());
                events.publishEvent(StockLevelChanged.of(level, now));
            }
            holds.update(hold);
            events.publishEvent(PartHoldExpired.of(hold, now));
        }
        outcomes.count(Outcome.EXPIRED, lapsed.size());
        return lapsed.size();
    }
}
