package io.glasslink.planning.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.slots.JobType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the network (centres.csv), ≈1,500 technicians (skills, home centre, 700 with a van),
 * weekly working plans valid for the configured weeks from today, some absences and confirmed
 * appointments — the same data for the same seed and day. Runs once, on an empty database, under
 * an advisory lock so that two instances starting together do not both load it.
 */
@Component
@Order(0)
class SeedData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedData.class);
    private static final long LOCK = 0x504C414EL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PlanningProperties.Seed seed;
    private final Clock clock;

    SeedData(JdbcTemplate jdbc, TransactionTemplate tx, PlanningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.seed = properties.seed();
        this.clock = clock;
    }

    private record CentreRow(String id, String name, String postcode, String city, String departement, int vans) {
    }

    private record Tech(String id, String centreId, boolean van, List<String> skills, int shift, boolean saturday) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!seed.enabled()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
            Integer centres = jdbc.queryForObject("select count(*) from centre", Integer.class);
            if (centres != null && centres > 0) {
                return;
            }
            long t0 = System.nanoTime();
            load();
            log.info("seed data loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        });
    }

    private void load() {
        Random random = new Random(seed.randomSeed());
        List<CentreRow> centres = readCentres();
        jdbc.batchUpdate("insert into centre (centre_id, name, postcode, city, departement, vans) values (?, ?, ?, ?, ?, ?)",
                centres, 500, (ps, c) -> {
                    ps.setString(1, c.id());
                    ps.setString(2, c.name());
                    ps.setString(3, c.postcode());
                    ps.setString(4, c.city());
                    ps.setString(5, c.departement());
                    ps.setInt(6, c.vans());
                });
        List<Object[]> opening = new ArrayList<>();
        for (int i = 0; i < centres.size(); i++) {
            for (int d = 1; d <= 5; d++) {
                opening.add(new Object[] {centres.get(i).id(), d, Time.valueOf("08:00:00"), Time.valueOf("18:30:00")});
            }
            if (i % 5 != 4) {
                opening.add(new Object[] {centres.get(i).id(), 6, Time.valueOf("09:00:00"), Time.valueOf("13:00:00")});
            }
        }
        jdbc.batchUpdate("insert into centre_opening (centre_id, day_of_week, opens, closes) values (?, ?, ?, ?)", opening);

        List<Tech> techs = technicians(centres, random);
        jdbc.batchUpdate("insert into technician (technician_id, name, home_centre_id, has_van) values (?, ?, ?, ?)",
                techs, 1000, (ps, t) -> {
                    ps.setString(1, t.id());
                    ps.setString(2, "Technician " + t.id().substring(1));
                    ps.setString(3, t.centreId());
                    ps.setBoolean(4, t.van());
                });
        List<Object[]> skills = new ArrayList<>();
        techs.forEach(t -> t.skills().forEach(s -> skills.add(new Object[] {t.id(), s})));
        jdbc.batchUpdate("insert into technician_skill (technician_id, skill) values (?, ?)", skills);

        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(now.toInstant(), PlanningTime.ZONE);
        LocalDate validFrom = today.minusDays(7);
        LocalDate validTo = today.plusWeeks(seed.weeks());
        List<Object[]> patterns = new ArrayList<>();
        for (Tech t : techs) {
            LocalTime[] day = t.shift() == 0
                    ? new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0)}
                    : new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(18, 0)};
            for (int d = 1; d <= 5; d++) {
                if (t.saturday() && d == 3) {
                    continue;
                }
                patterns.add(new Object[] {t.id(), d, Time.valueOf(day[0]), Time.valueOf(day[1]), Date.valueOf(validFrom), Date.valueOf(validTo)});
                patterns.add(new Object[] {t.id(), d, Time.valueOf(day[2]), Time.valueOf(day[3]), Date.valueOf(validFrom), Date.valueOf(validTo)});
            }
            if (t.saturday()) {
                patterns.add(new Object[] {t.id(), 6, Time.valueOf("09:00:00"), Time.valueOf("12:30:00"), Date.valueOf(validFrom), Date.valueOf(validTo)});
            }
        }
        jdbc.batchUpdate("insert into work_pattern (technician_id, day_of_week, starts, ends, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)",
                patterns);

        List<Object[]> absences = new ArrayList<>();
        for (Tech t : techs) {
            if (random.nextInt(100) < 8) {
                LocalDate first = today.plusDays(random.nextInt(seed.weeks() * 7));
                LocalDate end = first.plusDays(1 + random.nextInt(5));
                absences.add(new Object[] {new UUID(seed.randomSeed(), absences.size()), t.id(),
                        utc(first.atStartOfDay(PlanningTime.ZONE).toOffsetDateTime()),
                        utc(end.atStartOfDay(PlanningTime.ZONE).toOffsetDateTime()),
                        random.nextBoolean() ? "LEAVE" : "TRAINING", now});
            }
        }
        jdbc.batchUpdate("""
                insert into absence (absence_id, technician_id, during, reason, recorded_at)
                values (?, ?, tstzrange(?, ?, '[)'), ?, ?)""", absences);

        List<Object[]> appointments = new ArrayList<>();
        JobType[] jobs = JobType.values();
        for (int i = 0; i < seed.appointments(); i++) {
            Tech t = techs.get(random.nextInt(techs.size()));
            LocalDate day = today.plusDays(1 + random.nextInt(14));
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                continue;
            }
            JobType job = t.skills().contains("GLASS_REPLACEMENT") ? jobs[random.nextInt(jobs.length)] : JobType.CHIP_REPAIR;
            LocalTime start = LocalTime.of(t.shift() == 0 ? 8 : 9, 0).plusMinutes(30L * random.nextInt(5));
            if (random.nextBoolean()) {
                start = start.plusHours(5);
            }
            OffsetDateTime s = day.atTime(start).atZone(PlanningTime.ZONE).toOffsetDateTime();
            appointments.add(new Object[] {new UUID(~seed.randomSeed(), i), "SEED-%05d".formatted(i), t.id(), t.centreId(),
                    t.van() ? "HOME" : "CENTRE", t.van() ? "%s000".formatted(departement(centres, t.centreId())) : null,
                    job.name(), utc(s), utc(s.plus(job.duration(false))), now, now});
        }
        jdbc.batchUpdate("""
                insert into appointment (appointment_id, booking_reference, technician_id, centre_id, mode, postcode, job_type,
                  calibration, during, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, false, tstzrange(?, ?, '[)'), 'CONFIRMED', ?, ?)
                on conflict do nothing""", appointments);
    }

    private List<Tech> technicians(List<CentreRow> centres, Random random) {
        int vans = centres.stream().mapToInt(CentreRow::vans).sum();
        int extra = Math.max(0, seed.technicians() - vans - centres.size());
        int[] inCentre = new int[centres.size()];
        java.util.Arrays.fill(inCentre, 1);
        for (int i = 0; i < extra; i++) {
            inCentre[random.nextInt(centres.size())]++;
        }
        List<Tech> techs = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            CentreRow centre = centres.get(c);
            for (int k = 0; k < inCentre[c] + centre.vans(); k++) {
                boolean van = k >= inCentre[c];
                boolean first = k == 0 || k == inCentre[c];
                List<String> skills = new ArrayList<>(List.of("CHIP_REPAIR"));
                if (first || random.nextInt(10) < 9) {
                    skills.add("GLASS_REPLACEMENT");
                    if (first || random.nextBoolean()) {
                        skills.add("ADAS_CALIBRATION");
                    }
                }
                techs.add(new Tech("T%05d".formatted(techs.size() + 1), centre.id(), van, skills, random.nextInt(2),
                        random.nextInt(4) == 0));
            }
        }
        return techs;
    }

    private static String departement(List<CentreRow> centres, String centreId) {
        return centres.stream().filter(c -> c.id().equals(centreId)).findFirst().orElseThrow().departement();
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<CentreRow> readCentres() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("reference/centres.csv").getInputStream(), StandardCharsets.UTF_8))) {
            List<CentreRow> rows = new ArrayList<>();
            String header = in.readLine();
            if (header == null) {
                return rows;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                rows.add(new CentreRow(f[0], f[1], f[2], f[3], f[4], Integer.parseInt(f[7].trim())));
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference/centres.csv", e);
        }
    }
}
