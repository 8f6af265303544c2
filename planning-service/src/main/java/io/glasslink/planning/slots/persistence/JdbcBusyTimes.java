package io.glasslink.planning.slots.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasslink.planning.slots.BusyTimes;
import io.glasslink.planning.slots.Interval;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bookings and absences of a list of technicians in one statement: for each technician (unnest),
 * a lateral scan of the GiST indexes on (technician_id, during) of both tables, so the cost
 * follows the technicians asked for, not the size of the tables.
 */
@Repository
class JdbcBusyTimes implements BusyTimes {

    private static final String SQL = """
            select t.id, b.kind, b.starts, b.ends
            from unnest(?::text[]) as t(id)
            cross join lateral (
              select case when a.status = 'HELD' and a.expires_at <= ? then 'L' else 'B' end as kind,
                     lower(a.during) as starts, upper(a.during) as ends
              from appointment a
              where a.technician_id = t.id and a.status in ('HELD', 'CONFIRMED')
                and a.during && tstzrange(?, ?, '[)') and a.appointment_id is distinct from ?
              union all
              select 'A', lower(x.during), upper(x.during)
              from absence x
              where x.technician_id = t.id and x.during && tstzrange(?, ?, '[)')
            ) b""";

    private final JdbcTemplate jdbc;

    JdbcBusyTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Busy busy(Collection<String> technicianIds, Interval bookings, Interval absences, Instant now, UUID excluding) {
        Map<String, List<Interval>> booked = new HashMap<>();
        Map<String, List<Interval>> absent = new HashMap<>();
        boolean[] lapsed = {false};
        if (technicianIds.isEmpty()) {
            return new Busy(booked, absent, false);
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(SQL);
            ps.setArray(1, con.createArrayOf("text", technicianIds.toArray()));
            ps.setObject(2, utc(now));
            ps.setObject(3, utc(bookings.start()));
            ps.setObject(4, utc(bookings.end()));
            ps.setObject(5, excluding);
            ps.setObject(6, utc(absences.start()));
            ps.setObject(7, utc(absences.end()));
            return ps;
        }, rs -> {
            String kind = rs.getString(2);
            if ("L".equals(kind)) {
                lapsed[0] = true;
                return;
            }
            Interval range = new Interval(rs.getObject(3, OffsetDateTime.class).toInstant(),
                    rs.getObject(4, OffsetDateTime.class).toInstant());
            ("A".equals(kind) ? absent : booked).computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(range);
        });
        return new Busy(booked, absent, lapsed[0]);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
