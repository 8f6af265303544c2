package io.glasslink.booking.bookings.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingDetails;
import io.glasslink.booking.bookings.BookingStatus;
import io.glasslink.booking.bookings.Bookings;
import io.glasslink.booking.bookings.FailureReason;
import io.glasslink.booking.bookings.SagaStep;
import io.glasslink.booking.diagnosis.JobType;
import io.glasslink.booking.diagnosis.Mode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bookings in PostgreSQL; every stored time comes from the service's clock, as the times it is compared with. */
@Repository
class JdbcBookings implements Bookings {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBookings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void add(Booking b) {
        BookingDetails d = b.details();
        jdbc.sql("""
                insert into booking (reference, status, saga_step, channel, partner_id, job_type, calibration,
                  part_number, centre_id, mode, postcode, slot_start, slot_end, vehicle_make, vehicle_model,
                  vehicle_year, vehicle_plate, customer_name, customer_email, customer_phone, contact_consent,
                  appointment_id, hold_id, failure_reason, created_at, updated_at)
                values (:reference, :status, :step, :channel, :partner, :jobType, :calibration, :part, :centre,
                  :mode, :postcode, :start, :end, :make, :model, :year, :plate, :name, :email, :phone, :consent,
                  :appointment, :hold, :failure, :created, :updated)""")
                .param("reference", b.reference())
                .param("status", b.status().name())
                .param("step", b.step().name())
                .param("channel", d.channel().name())
                .param("partner", d.partnerId())
                .param("jobType", d.jobType().name())
                .param("calibration", d.calibration())
                .param("part", d.partNumber())
                .param("centre", d.centreId())
                .param("mode", d.mode().name())
                .param("postcode", d.postcode())
                .param("start", b.start())
                .param("end", b.end())
                .param("make", d.vehicle().make())
                .param("model", d.vehicle().model())
                .param("year", d.vehicle().year())
                .param("plate", d.vehicle().plate())
                .param("name", d.customer().name())
                .param("email", d.customer().email())
                .param("phone", d.customer().phone())
                .param("consent", d.customer().consent())
                .param("appointment", b.appointmentId())
                .param("hold", b.holdId())
                .param("failure", b.failureReason() == null ? null : b.failureReason().name())
                .param("created", Timestamp.from(b.createdAt()))
                .param("updated", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public void update(Booking b) {
        jdbc.sql("""
                update booking set status = :status, saga_step = :step, slot_start = :start, slot_end = :end,
                  appointment_id = :appointment, hold_id = :hold, failure_reason = :failure,
                  previous_status = :previousStatus, previous_step = :previousStep, requested_start = :requestedStart,
                  change_requested_at = :changeRequestedAt, attempts = attempts + 1, updated_at = :updated
                where reference = :reference""")
                .param("reference", b.reference())
                .param("updated", Timestamp.from(clock.instant()))
                .param("status", b.status().name())
                .param("step", b.step().name())
                .param("start", b.start())
                .param("end", b.end())
                .param("appointment", b.appointmentId())
                .param("hold", b.holdId())
                .param("failure", b.failureReason() == null ? null : b.failureReason().name())
                .param("previousStatus", b.change() == null ? null : b.change().previousStatus().name())
                .param("previousStep", b.change() == null ? null : b.change().previousStep().name())
                .param("requestedStart", b.change() == null ? null : b.change().requestedStart())
                .param("changeRequestedAt", b.change() == null ? null : Timestamp.from(b.change().requestedAt()))
                .update();
    }

    @Override
    public Optional<Booking> byReference(String reference) {
        return jdbc.sql("select * from booking where reference = ?").param(reference).query(JdbcBookings::map).optional();
    }

    @Override
    public List<Booking> ofPartner(String partnerId, int page, int size) {
        return jdbc.sql("select * from booking where partner_id = ? order by created_at desc, reference limit ? offset ?")
                .params(partnerId, size, (long) page * size).query(JdbcBookings::map).list();
    }

    @Override
    public long countOfPartner(String partnerId) {
        return jdbc.sql("select count(*) from booking where partner_id = ?").param(partnerId).query(Long.class).single();
    }

    @Override
    public boolean lease(String reference, Duration duration) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update booking set lease_until = ?
                where reference = ? and (lease_until is null or lease_until < ?)""")
                .params(Timestamp.from(now.plus(duration)), reference, Timestamp.from(now)).update() == 1;
    }

    @Override
    public void unlease(String reference) {
        jdbc.sql("update booking set lease_until = null where reference = ?").param(reference).update();
    }

    @Override
    public List<String> unfinishedSince(Instant before, int limit) {
        return jdbc.sql("""
                select reference from booking where saga_step <> 'DONE' and updated_at < ?
                  and (lease_until is null or lease_until < ?)
                order by updated_at limit ?""")
                .params(Timestamp.from(before), Timestamp.from(clock.instant()), limit).query(String.class).list();
    }

    @Override
    public Optional<IdempotentRequest> idempotentRequest(String partnerId, String key) {
        return jdbc.sql("select idempotency_key, request_hash, booking_reference from partner_request "
                        + "where partner_id = ? and idempotency_key = ?")
                .params(partnerId, key)
                .query((rs, n) -> new IdempotentRequest(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    @Override
    public void rememberRequest(String partnerId, IdempotentRequest r) {
        jdbc.sql("insert into partner_request (partner_id, idempotency_key, request_hash, booking_reference, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(partnerId, r.key(), r.requestHash(), r.bookingReference(), Timestamp.from(clock.instant())).update();
    }

    private static Booking map(ResultSet rs, int row) throws SQLException {
        BookingDetails details = new BookingDetails(
                BookingDetails.Channel.valueOf(rs.getString("channel")),
                rs.getString("partner_id"),
                JobType.valueOf(rs.getString("job_type")),
                rs.getBoolean("calibration"),
                rs.getString("part_number"),
                rs.getString("centre_id"),
                Mode.valueOf(rs.getString("mode")),
                rs.getString("postcode"),
                time(rs, "slot_start"),
                new BookingDetails.Vehicle(rs.getString("vehicle_make"), rs.getString("vehicle_model"),
                        rs.getInt("vehicle_year"), rs.getString("vehicle_plate")),
                new BookingDetails.Customer(rs.getString("customer_name"), rs.getString("customer_email"),
                        rs.getString("customer_phone"), rs.getBoolean("contact_consent")));
        String failure = rs.getString("failure_reason");
        String previousStatus = rs.getString("previous_status");
        Booking.Change change = previousStatus == null ? null : new Booking.Change(BookingStatus.valueOf(previousStatus),
                SagaStep.valueOf(rs.getString("previous_step")), time(rs, "requested_start"),
                rs.getTimestamp("change_requested_at").toInstant());
        return Booking.restore(rs.getString("reference"), details, rs.getTimestamp("created_at").toInstant(),
                BookingStatus.valueOf(rs.getString("status")), SagaStep.valueOf(rs.getString("saga_step")),
                time(rs, "slot_start"), time(rs, "slot_end"), rs.getString("appointment_id"), rs.getString("hold_id"),
                failure == null ? null : FailureReason.valueOf(failure), change);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
