package io.glasslink.booking.availability.readmodel;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import io.glasslink.booking.availability.ReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read model in PostgreSQL; {@code updated_at} comes from the service's clock. */
@Repository
class JdbcReadModel implements ReadModel {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReadModel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int available(String partNumber, String locationId) {
        return jdbc.sql("select available from stock_level where part_number = ? and location_id = ?")
                .params(partNumber, locationId).query(Integer.class).optional().orElse(0);
    }

    @Override
    public Set<Instant> takenStarts(String centreId, OffsetDateTime from, OffsetDateTime to) {
        return new HashSet<>(jdbc.sql("select slot_start from taken_slot where centre_id = ? and slot_start >= ? and slot_start < ?")
                .params(centreId, from, to)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list());
    }

    void stockLevel(String partNumber, String locationId, int available) {
        jdbc.sql("""
                insert into stock_level (part_number, location_id, available, updated_at) values (?, ?, ?, ?)
                on conflict (part_number, location_id) do update set available = excluded.available,
                  updated_at = excluded.updated_at""")
                .params(partNumber, locationId, available, Timestamp.from(clock.instant())).update();
    }

    void slotTaken(String appointmentId, String centreId, OffsetDateTime start) {
        jdbc.sql("""
                insert into taken_slot (appointment_id, centre_id, slot_start, updated_at) values (?, ?, ?, ?)
                on conflict (appointment_id) do update set centre_id = excluded.centre_id,
                  slot_start = excluded.slot_start, updated_at = excluded.updated_at""")
                .params(appointmentId, centreId, start, Timestamp.from(clock.instant())).update();
    }

    void slotFreed(String appointmentId) {
        jdbc.sql("delete from taken_slot where appointment_id = ?").param(appointmentId).update();
    }

}
