package io.glasslink.planning.appointments.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.appointments.Appointment;
import io.glasslink.planning.appointments.AppointmentStatus;
import io.glasslink.planning.appointments.Appointments;
import io.glasslink.planning.slots.Interval;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Appointments in PostgreSQL. Exclusion constraints refuse overlapping writes and, for home jobs,
 * writes closer than the travel buffer (each home job stores its time widened by half the buffer on
 * either side): an insert writes nothing ({@code on conflict do nothing}); a move fails with
 * SQLState 23P01 inside a savepoint, so that the caller's transaction can try another technician
 * either way.
 */
@Repository
class JdbcAppointments implements Appointments {

    /** PostgreSQL's exclusion_violation. */
    static final String EXCLUSION_VIOLATION = "23P01";

    private static final String COLUMNS = """
            appointment_id, booking_reference, technician_id, centre_id, mode, postcode, job_type, calibration,
            lower(during) as starts, upper(during) as ends, status, expires_at""";

    private static final RowMapper<Appointment> ROW = JdbcAppointments::map;

    private final JdbcTemplate jdbc;
    private final Duration halfBuffer;

    JdbcAppointments(JdbcTemplate jdbc, PlanningProperties properties) {
        this.jdbc = jdbc;
        this.halfBuffer = properties.search().travelBuffer().dividedBy(2);
    }

    @Override
    public Optional<Appointment> find(UUID appointmentId) {
        return jdbc.query("select " + COLUMNS + " from appointment where appointment_id = ?", ROW, appointmentId)
                .stream().findFirst();
    }

    @Override
    public Optional<Appointment> lock(UUID appointmentId) {
        return jdbc.query("select " + COLUMNS + " from appointment where appointment_id = ? for update", ROW, appointmentId)
                .stream().findFirst();
    }

    /**
     * One statement, no savepoint: {@code on conflict do nothing} makes the exclusion constraint
     * the arbiter (a concurrent overlapping insert is waited for, then this one writes nothing).
     */
    @Override
    public boolean insertIfFree(Appointment a, Instant now) {
        return jdbc.update("""
                insert into appointment (appointment_id, booking_reference, technician_id, centre_id, mode, postcode,
                  job_type, calibration, during, travel, status, expires_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'),
                  case when ?::timestamptz is null then null else tstzrange(?, ?, '[)') end, ?, ?, ?, ?)
                on conflict do nothing""",
                a.appointmentId(), a.bookingReference(), a.technicianId(), a.centreId(), a.mode().name(), a.postcode(),
                a.jobType().name(), a.calibration(), utc(a.start()), utc(a.end()), travelStart(a), travelStart(a), travelEnd(a),
                a.status().name(), utc(a.expiresAt()), utc(now), utc(now)) == 1;
    }

    @Override
    public boolean moveIfFree(Appointment moved, Instant now) {
        return inSavepoint(() -> jdbc.update("""
                update appointment set technician_id = ?, during = tstzrange(?, ?, '[)'),
                  travel = case when ?::timestamptz is null then null else tstzrange(?, ?, '[)') end, updated_at = ?
                where appointment_id = ?""",
                moved.technicianId(), utc(moved.start()), utc(moved.end()), travelStart(moved), travelStart(moved),
                travelEnd(moved), utc(now),
                moved.appointmentId()));
    }

    @Override
    public void updateStatus(Appointment a, Instant now) {
        jdbc.update("update appointment set status = ?, expires_at = ?, updated_at = ? where appointment_id = ?",
                a.status().name(), utc(a.expiresAt()), utc(now), a.appointmentId());
    }

    @Override
    public List<Appointment> expireDue(Instant now, int limit) {
        return jdbc.query("""
                with due as (
                  select appointment_id from appointment
                  where status = 'HELD' and expires_at <= ?
                  order by expires_at limit ? for update skip locked)
                update appointment a set status = 'EXPIRED', updated_at = ?
                from due where a.appointment_id = due.appointment_id
                returning a.appointment_id, a.booking_reference, a.technician_id, a.centre_id, a.mode, a.postcode,
                  a.job_type, a.calibration, lower(a.during) as starts, upper(a.during) as ends, a.status, a.expires_at""",
                ROW, utc(now), limit, utc(now));
    }

    @Override
    public List<Appointment> expireDueOverlapping(Collection<String> technicianIds, Interval range, Instant now) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    update appointment set status = 'EXPIRED', updated_at = ?
                    where status = 'HELD' and expires_at <= ? and technician_id = any(?)
                      and during && tstzrange(?, ?, '[)')
                    returning""" + " " + COLUMNS);
            ps.setObject(1, utc(now));
            ps.setObject(2, utc(now));
            ps.setArray(3, con.createArrayOf("text", technicianIds.toArray()));
            ps.setObject(4, utc(range.start()));
            ps.setObject(5, utc(range.end()));
            return ps;
        }, ROW);
    }

    private static boolean inSavepoint(Runnable write) {
        TransactionStatus tx = TransactionAspectSupport.currentTransactionStatus();
        Object savepoint = tx.createSavepoint();
        try {
            write.run();
            tx.releaseSavepoint(savepoint);
            return true;
        } catch (DataIntegrityViolationException e) {
            if (!isExclusionViolation(e)) {
                throw e;
            }
            tx.rollbackToSavepoint(savepoint);
            return false;
        }
    }

    static boolean isExclusionViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A home job's time widened by half the travel buffer (null for a job in a centre: no range, no constraint). */
    private OffsetDateTime travelStart(Appointment a) {
        return a.mode() == Mode.HOME ? utc(a.start().minus(halfBuffer)) : null;
    }

    private OffsetDateTime travelEnd(Appointment a) {
        return a.mode() == Mode.HOME ? utc(a.end().plus(halfBuffer)) : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Appointment map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new Appointment(rs.getObject("appointment_id", UUID.class), rs.getString("booking_reference"),
                rs.getString("technician_id"), rs.getString("centre_id"), Mode.valueOf(rs.getString("mode")),
                rs.getString("postcode"), JobType.valueOf(rs.getString("job_type")), rs.getBoolean("calibration"),
                rs.getObject("starts", OffsetDateTime.class).toInstant(), rs.getObject("ends", OffsetDateTime.class).toInstant(),
                AppointmentStatus.valueOf(rs.getString("status")), expires == null ? null : expires.toInstant());
    }
}
