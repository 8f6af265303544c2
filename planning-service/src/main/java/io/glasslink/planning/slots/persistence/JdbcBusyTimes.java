package io.glasslink.planning.slots.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.glasslink.planning.slots.BusyTimes;
import io.glasslink.planning.slots.Interval;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Bookings and absences of a list of technicians in one statement: for each technician (a
 * {@code values} list), a lateral scan of the GiST indexes on (technician_id, during) of both
 * tables, so the cost follows the technicians asked for, not the size of the tables.
 * <p>
 * The technicians are a {@code values} list of one parameter each, not {@code unnest(?::text[])}:
 * PostgreSQL estimates an array parameter's unnest at 10 rows in a generic plan, prices that plan
 * above the custom one (3 rows for a centre's team) and so plans the statement again at every
 * execution (about 0.25 ms of its CPU, more than half of the statement's). With a list of n
 * parameters the generic plan is the custom plan's shape and is kept after the fifth execution on a
 * connection. One statement text per team size.
 */
@Repository
class JdbcBusyTimes implements BusyTimes {

    private static final String SQL = """
            select t.id, b.kind, b.starts, b.ends
            from (values %s) as t(id)
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

    /** The statement for 1 to 64 technicians (a search over several centres asks for more: built then). */
    private static final String[] BY_SIZE = new String[65];

    static {
        for (int n = 1; n < BY_SIZE.length; n++) {
            BY_SIZE[n] = sql(n);
        }
    }

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
        int n = technicianIds.size();
        jdbc.query(con -> {
            var ps = con.prepareStatement(n < BY_SIZE.length ? BY_SIZE[n] : sql(n));
            int p = 1;
            for (String id : technicianIds) {
                ps.setString(p++, id);
            }
            ps.setObject(p++, utc(now));
            ps.setObject(p++, utc(bookings.start()));
            ps.setObject(p++, utc(bookings.end()));
            ps.setObject(p++, excluding);
            ps.setObject(p++, utc(absences.start()));
            ps.setObject(p, utc(absences.end()));
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

    private static String sql(int technicians) {
        return SQL.formatted(String.join(", ", Collections.nCopies(technicians, "(?::text)")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
