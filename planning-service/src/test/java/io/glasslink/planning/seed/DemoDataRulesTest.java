package io.glasslink.planning.seed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.slots.TechnicianFreeTime;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.Workforce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data obeys the service's own rules, as if every seeded appointment had been booked through the API. */
class DemoDataRulesTest extends PlanningIntegrationTest {

    @Autowired
    Workforce workforce;

    @Autowired
    Network network;

    @Autowired
    TechnicianFreeTime freeTime;

    @Test
    void noSeededAppointmentFallsInsideAnAbsenceOfItsTechnician() {
        assertThat(jdbc.queryForList("""
                select a.booking_reference, a.technician_id from appointment a
                join absence x on x.technician_id = a.technician_id and x.during && a.during
                where a.booking_reference like 'SEED-%' and a.status in ('HELD', 'CONFIRMED')""")).isEmpty();
    }

    @Test
    void noTwoLiveHomeJobsOfATechnicianAreCloserThanTheTravelBuffer() {
        assertThat(jdbc.queryForList("""
                select a.booking_reference as first, b.booking_reference as second from appointment a
                join appointment b on b.technician_id = a.technician_id and a.appointment_id < b.appointment_id
                  and tstzrange(lower(a.during) - interval '30 minutes', upper(a.during) + interval '30 minutes') && b.during
                where a.mode = 'HOME' and b.mode = 'HOME'
                  and a.status in ('HELD', 'CONFIRMED') and b.status in ('HELD', 'CONFIRMED')""")).isEmpty();
    }

    @Test
    void everySeededAppointmentIsWithinItsTechniciansWorkingTimeSkillsAndMode() {
        List<Map<String, Object>> seeded = jdbc.queryForList("""
                select booking_reference, technician_id, centre_id, mode, job_type, calibration, postcode,
                  lower(during) as starts, upper(during) as ends
                from appointment where booking_reference like 'SEED-%'""");
        assertThat(seeded).hasSizeGreaterThan(1000);
        for (Map<String, Object> a : seeded) {
            Technician t = workforce.technician((String) a.get("technician_id")).orElseThrow();
            Centre centre = network.centre((String) a.get("centre_id")).orElseThrow();
            Mode mode = Mode.valueOf((String) a.get("mode"));
            JobType job = JobType.valueOf((String) a.get("job_type"));
            Instant start = ((java.sql.Timestamp) a.get("starts")).toInstant();
            Instant end = ((java.sql.Timestamp) a.get("ends")).toInstant();
            String what = a.get("booking_reference") + " " + a;
            assertThat(t.homeCentreId()).as(what).isEqualTo(centre.centreId());
            assertThat(t.hasVan()).as(what).isEqualTo(mode == Mode.HOME);
            assertThat(t.canDo(job.requiredSkills((Boolean) a.get("calibration")))).as(what).isTrue();
            assertThat(end).as(what).isEqualTo(start.plus(job.duration((Boolean) a.get("calibration"))));
            assertThat(freeTime.anyWorks(List.of(t), x -> mode == Mode.CENTRE ? centre : null, start, end)).as(what).isTrue();
            if (mode == Mode.HOME) {
                assertThat((String) a.get("postcode")).as(what).startsWith(centre.departement()).matches("\\d{5}");
            }
        }
    }
}
