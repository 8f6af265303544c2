package io.glasslink.planning.seed;

import java.sql.Date;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.glasslink.planning.PlanningProperties;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.seed.ReferenceNetwork.CentreRow;
import io.glasslink.planning.slots.FreeTime;
import io.glasslink.planning.slots.Interval;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.workforce.WorkPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data, only with {@code glasslink.demo-data.enabled} ({@code GLASSLINK_DEMO_DATA}; off by
 * default, on for the local platform): ≈1,500 technicians (skills, home centre, 700 with a van),
 * weekly working plans valid for the configured weeks around today, some absences and confirmed
 * appointments — the same data for the same seed and day. Every appointment is one the API could
 * have booked: inside its technician's working time (pattern, public holidays, the centre's opening
 * hours), outside its absences, not overlapping another of its bookings and, for a van, at least the
 * travel buffer from its other home jobs. Loaded once, into a database without technicians, under
 * the loaders' advisory lock.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("glasslink.demo-data.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PlanningProperties.Seed seed;
    private final Duration travelBuffer;
    private final Network network;
    private final Clock clock;

    DemoData(JdbcTemplate jdbc, TransactionTemplate tx, PlanningProperties properties, Network network, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.seed = properties.seed();
        this.travelBuffer = properties.search().travelBuffer();
        this.network = network;
        this.clock = clock;
    }

    private record Tech(String id, String centreId, boolean van, List<String> skills, int shift, boolean saturday) {
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", ReferenceNetwork.LOCK);
            Integer technicians = jdbc.queryForObject("select count(*) from technician", Integer.class);
            if (technicians != null && technicians > 0) {
                return;
            }
            long t0 = System.nanoTime();
            int appointments = load();
            log.info("demo data loaded in {} ms ({} appointments)", (System.nanoTime() - t0) / 1_000_000, appointments);
        });
    }

    private int load() {
        Random random = new Random(seed.randomSeed());
        List<CentreRow> centres = ReferenceNetwork.readCentres();
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
        Map<String, List<WorkPattern>> patterns = new HashMap<>();
        List<Object[]> patternRows = new ArrayList<>();
        for (Tech t : techs) {
            LocalTime[] day = t.shift() == 0
                    ? new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(17, 0)}
                    : new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(18, 0)};
            List<WorkPattern> week = new ArrayList<>();
            for (int d = 1; d <= 5; d++) {
                if (t.saturday() && d == 3) {
                    continue;
                }
                week.add(new WorkPattern(DayOfWeek.of(d), day[0], day[1], validFrom, validTo));
                week.add(new WorkPattern(DayOfWeek.of(d), day[2], day[3], validFrom, validTo));
            }
            if (t.saturday()) {
                week.add(new WorkPattern(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 30), validFrom, validTo));
            }
            patterns.put(t.id(), week);
            week.forEach(p -> patternRows.add(new Object[] {t.id(), p.day().getValue(), Time.valueOf(p.starts()),
                    Time.valueOf(p.ends()), Date.valueOf(validFrom), Date.valueOf(validTo)}));
        }
        jdbc.batchUpdate("insert into work_pattern (technician_id, day_of_week, starts, ends, valid_from, valid_to) values (?, ?, ?, ?, ?, ?)",
                patternRows);

        Map<String, List<Interval>> absent = new HashMap<>();
        List<Object[]> absences = new ArrayList<>();
        for (Tech t : techs) {
            if (random.nextInt(100) < 8) {
                LocalDate first = today.plusDays(random.nextInt(seed.weeks() * 7));
                LocalDate end = first.plusDays(1 + random.nextInt(5));
                Interval away = new Interval(first.atStartOfDay(PlanningTime.ZONE).toInstant(),
                        end.atStartOfDay(PlanningTime.ZONE).toInstant());
                absent.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(away);
                absences.add(new Object[] {new UUID(seed.randomSeed(), absences.size()), t.id(), utc(away.start()), utc(away.end()),
                        random.nextBoolean() ? "LEAVE" : "TRAINING", now});
            }
        }
        jdbc.batchUpdate("""
                insert into absence (absence_id, technician_id, during, reason, recorded_at)
                values (?, ?, tstzrange(?, ?, '[)'), ?, ?)""", absences);

        Map<String, List<Interval>> booked = new HashMap<>();
        List<Object[]> appointments = new ArrayList<>();
        JobType[] jobs = JobType.values();
        Duration halfBuffer = travelBuffer.dividedBy(2);
        for (int i = 0; i < seed.appointments(); i++) {
            Tech t = techs.get(random.nextInt(techs.size()));
            LocalDate day = today.plusDays(1 + random.nextInt(14));
            JobType job = t.skills().contains("GLASS_REPLACEMENT") ? jobs[random.nextInt(jobs.length)] : JobType.CHIP_REPAIR;
            LocalTime start = LocalTime.of(t.shift() == 0 ? 8 : 9, 0).plusMinutes(30L * random.nextInt(5));
            if (random.nextBoolean()) {
                start = start.plusHours(5);
            }
            Instant s = day.atTime(start).atZone(PlanningTime.ZONE).toInstant();
            Interval slot = new Interval(s, s.plus(job.duration(false)));
            Centre centre = network.centre(t.centreId()).orElseThrow();
            if (!bookable(slot, day, patterns.get(t.id()), t.van() ? null : centre, absent.getOrDefault(t.id(), List.of()),
                    booked.getOrDefault(t.id(), List.of()), t.van() ? travelBuffer : Duration.ZERO)) {
                continue;
            }
            booked.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(slot);
            appointments.add(new Object[] {new UUID(~seed.randomSeed(), i), "SEED-%05d".formatted(i), t.id(), t.centreId(),
                    t.van() ? "HOME" : "CENTRE", t.van() ? "%s000".formatted(centre.departement()) : null, job.name(),
                    utc(slot.start()), utc(slot.end()),
                    t.van() ? utc(slot.start().minus(halfBuffer)) : null, t.van() ? utc(slot.start().minus(halfBuffer)) : null,
                    t.van() ? utc(slot.end().plus(halfBuffer)) : null, now, now});
        }
        jdbc.batchUpdate("""
                insert into appointment (appointment_id, booking_reference, technician_id, centre_id, mode, postcode, job_type,
                  calibration, during, travel, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, false, tstzrange(?, ?, '[)'),
                  case when ?::timestamptz is null then null else tstzrange(?, ?, '[)') end, 'CONFIRMED', ?, ?)""",
                appointments);
        return appointments.size();
    }

    /**
     * Whether the API would book {@code slot}: inside the technician's working time that day (in
     * the centre's opening hours when {@code centre} is given), outside its absences, and at least
     * {@code gap} from each of its bookings (0: not overlapping).
     */
    private static boolean bookable(Interval slot, LocalDate day, List<WorkPattern> patterns, Centre centre,
                                    List<Interval> absences, List<Interval> bookings, Duration gap) {
        boolean works = FreeTime.workingTime(patterns, centre == null ? null : centre.opening(), day, day, PlanningTime.ZONE)
                .stream().anyMatch(w -> w.contains(slot.start(), slot.end()));
        return works && absences.stream().noneMatch(a -> overlap(a, slot))
                && bookings.stream().noneMatch(b -> overlap(b.widen(gap), slot));
    }

    private static boolean overlap(Interval a, Interval b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    private List<Tech> technicians(List<CentreRow> centres, Random random) {
        int vans = centres.stream().mapToInt(CentreRow::vans).sum();
        int extra = Math.max(0, seed.technicians() - vans - centres.size());
        int[] inCentre = new int[centres.size()];
        Arrays.fill(inCentre, 1);
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

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
