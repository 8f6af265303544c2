package io.glasslink.planning.appointments.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V6 on a database written before it: live home jobs get their travel range, one already too close to an earlier one
 * keeps none (the migration does not fail), and from then on PostgreSQL refuses a home job inside another's buffer.
 */
class TravelBufferMigrationTest {

    @Test
    void homeJobsWrittenBeforeTheRuleGetTheirRangeAnEarlierBreachKeepsNoneAndNewBreachesAreRefused() {
        PostgresServer pg = TestInfrastructure.postgres();
        DriverManagerDataSource db = new DriverManagerDataSource(pg.createDatabase("planning_v6_" + System.nanoTime()),
                pg.username(), pg.password());
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("5").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("insert into centre (centre_id, name, postcode, city, departement, vans) values ('C001', 'x', '01000', 'x', '01', 1)");
        jdbc.update("insert into technician (technician_id, name, home_centre_id, has_van) values ('T1', 'x', 'C001', true)");
        UUID first = home(jdbc, "2026-12-14T10:00:00+01:00", "2026-12-14T10:30:00+01:00", "2026-12-01T10:00:00Z");
        UUID tooClose = home(jdbc, "2026-12-14T10:45:00+01:00", "2026-12-14T11:15:00+01:00", "2026-12-01T10:01:00Z");
        UUID later = home(jdbc, "2026-12-14T12:00:00+01:00", "2026-12-14T12:30:00+01:00", "2026-12-01T10:02:00Z");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(travel(jdbc, first)).isEqualTo("[\"2026-12-14 08:45:00+00\",\"2026-12-14 09:45:00+00\")");
        assertThat(travel(jdbc, tooClose)).isNull();
        assertThat(travel(jdbc, later)).isNotNull();
        assertThatThrownBy(() -> jdbc.update("""
                insert into appointment (appointment_id, booking_reference, technician_id, centre_id, mode, postcode, job_type,
                  calibration, during, travel, status, created_at, updated_at)
                values (?, 'NEW', 'T1', 'C001', 'HOME', '01100', 'CHIP_REPAIR', false,
                  tstzrange('2026-12-14T12:45:00+01:00', '2026-12-14T13:15:00+01:00'),
                  tstzrange('2026-12-14T12:30:00+01:00', '2026-12-14T13:30:00+01:00'), 'HELD', now(), now())""", UUID.randomUUID()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static UUID home(JdbcTemplate jdbc, String start, String end, String createdAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into appointment (appointment_id, booking_reference, technician_id, centre_id, mode, postcode, job_type,
                  calibration, during, status, created_at, updated_at)
                values (?, ?, 'T1', 'C001', 'HOME', '01100', 'CHIP_REPAIR', false, tstzrange(?, ?), 'CONFIRMED', ?, ?)""",
                id, "B-" + id, OffsetDateTime.parse(start), OffsetDateTime.parse(end), OffsetDateTime.parse(createdAt),
                OffsetDateTime.parse(createdAt));
        return id;
    }

    private static String travel(JdbcTemplate jdbc, UUID id) {
        return jdbc.queryForObject("select travel::text from appointment where appointment_id = ?", String.class, id);
    }
}
