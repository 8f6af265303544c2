package io.glasslink.supplychain.holds.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.glasslink.supplychain.availability.SourceType;
import io.glasslink.supplychain.availability.SupplySource;
import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.holds.Holds;
import io.glasslink.supplychain.holds.HoldStatus;
import io.glasslink.supplychain.holds.IdempotencyKeyReusedException;
import io.glasslink.supplychain.holds.PartHold;
import io.glasslink.supplychain.holds.TransferOrder;
import io.glasslink.supplychain.stock.StockLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds in PostgreSQL. */
@Repository
class JdbcHolds implements Holds {

    private static final String COLUMNS = "hold_id, booking_reference, part_number, quantity, centre_id, source_type,"
            + " source_location_id, status, expires_at, earliest_available_at, transfer_order_id, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PartHold h) {
        jdbc.sql("insert into part_holds (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(h.id(), h.bookingReference(), h.partNumber(), h.quantity(), h.centreId(),
                        h.source().type().name(), h.source().locationId(), h.status().name(), ts(h.expiresAt()),
                        ts(h.earliestAvailableAt().toInstant()), h.transferOrderId(), ts(h.createdAt()), ts(h.updatedAt()))
                .update();
    }

    @Override
    public Optional<StockLevel> addTakingStock(PartHold h) {
        // the oversell guard is the WHERE clause of the UPDATE (and a CHECK constraint behind it); the
        // hold row is inserted only when the UPDATE took the stock
        return jdbc.sql("with taken as (update stock set held = held + :q where part_number = :p and location_id = :l"
                        + " and on_hand - held - allocated >= :q returning part_number, location_id, on_hand, held, allocated),"
                        + " hold as (insert into part_holds (" + COLUMNS + ") select :id, :booking, :p, :q, :centre,"
                        + " :sourceType, :l, :status, :expires, :earliest, cast(null as uuid), :created, :updated from taken)"
                        + " select part_number, location_id, on_hand, held, allocated from taken")
                .param("q", h.quantity()).param("p", h.partNumber()).param("l", h.source().locationId())
                .param("id", h.id()).param("booking", h.bookingReference()).param("centre", h.centreId())
                .param("sourceType", h.source().type().name()).param("status", h.status().name())
                .param("expires", ts(h.expiresAt())).param("earliest", ts(h.earliestAvailableAt().toInstant()))
                .param("created", ts(h.createdAt())).param("updated", ts(h.updatedAt()))
                .query((rs, i) -> new StockLevel(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional();
    }

    @Override
    public void update(PartHold h) {
        jdbc.sql("update part_holds set status = ?, transfer_order_id = ?, updated_at = ? where hold_id = ?")
                .params(h.status().name(), h.transferOrderId(), ts(h.updatedAt()), h.id())
                .update();
    }

    @Override
    public Optional<PartHold> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from part_holds where hold_id = ?").param(id)
                .query(JdbcHolds::hold).optional();
    }

    @Override
    public Optional<PartHold> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from part_holds where hold_id = ? for update").param(id)
                .query(JdbcHolds::hold).optional();
    }

    @Override
    public List<PartHold> findByBookingReference(String bookingReference) {
        return jdbc.sql("select " + COLUMNS + " from part_holds where booking_reference = ? order by created_at, hold_id")
                .param(bookingReference).query(JdbcHolds::hold).list();
    }

    @Override
    public List<PartHold> claimLapsed(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from part_holds where status = 'HELD' and expires_at <= ?"
                        + " order by expires_at limit ? for update skip locked")
                .params(ts(now), limit).query(JdbcHolds::hold).list();
    }

    @Override
    public void add(TransferOrder o) {
        jdbc.sql("insert into transfer_orders (transfer_order_id, hold_id, part_number, quantity, from_location,"
                        + " to_location_id, expected_arrival_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id(), o.holdId(), o.partNumber(), o.quantity(), o.fromLocationId(), o.toLocationId(),
                        ts(o.expectedArrivalAt().toInstant()), ts(o.createdAt()))
                .update();
    }

    @Override
    public Optional<UUID> claimIdempotencyKey(String key, String requestHash, UUID holdId, Instant now) {
        int inserted = jdbc.sql("insert into idempotency_keys (idempotency_key, request_hash, response_status, response_body,"
                        + " created_at) values (?, ?, 201, ?, ?) on conflict (idempotency_key) do nothing")
                .params(key, requestHash, holdId.toString(), ts(now)).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        record Earlier(String hash, String body) {
        }
        Earlier earlier = jdbc.sql("select request_hash, response_body from idempotency_keys where idempotency_key = ?")
                .param(key).query((rs, i) -> new Earlier(rs.getString(1), rs.getString(2))).single();
        if (!earlier.hash().equals(requestHash) || earlier.body() == null) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(UUID.fromString(earlier.body()));
    }

    private static PartHold hold(ResultSet rs, int row) throws SQLException {
        return new PartHold(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), new SupplySource(SourceType.valueOf(rs.getString(6)), rs.getString(7), 0),
                HoldStatus.valueOf(rs.getString(8)), instant(rs, 9),
                instant(rs, 10).atZone(BusinessCalendar.ZONE), rs.getObject(11, UUID.class),
                instant(rs, 12), instant(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
