package io.glasslink.planning.workforce.persistence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.glasslink.planning.workforce.Absence;
import io.glasslink.planning.workforce.Skill;
import io.glasslink.planning.workforce.Technician;
import io.glasslink.planning.workforce.WorkPattern;
import io.glasslink.planning.workforce.Workforce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Technicians, skills and weekly patterns are reference data written by the seed: they are read
 * once and kept in memory. Absences change at run time: they are read with the bookings (slots).
 */
@Repository
class JdbcWorkforce implements Workforce {

    private final JdbcTemplate jdbc;
    private volatile Directory directory;

    JdbcWorkforce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Directory(Map<String, Technician> byId, Map<String, List<Technician>> byCentre) {
    }

    @Override
    public Optional<Technician> technician(String technicianId) {
        return Optional.ofNullable(directory().byId().get(technicianId));
    }

    @Override
    public List<Technician> ofCentre(String centreId) {
        return directory().byCentre().getOrDefault(centreId, List.of());
    }

    @Override
    public void record(Absence absence, Instant recordedAt) {
        jdbc.update("""
                insert into absence (absence_id, technician_id, during, reason, recorded_at)
                values (?, ?, tstzrange(?, ?, '[)'), ?, ?)""",
                absence.absenceId(), absence.technicianId(),
                OffsetDateTime.ofInstant(absence.from(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(absence.to(), ZoneOffset.UTC), absence.reason(),
                OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
    }

    private Directory directory() {
        Directory d = directory;
        if (d == null || d.byId().isEmpty()) {
            d = load();
            directory = d;
        }
        return d;
    }

    private Directory load() {
        Map<String, Set<Skill>> skills = new HashMap<>();
        jdbc.query("select technician_id, skill from technician_skill", rs -> {
            skills.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Skill.class)).add(Skill.valueOf(rs.getString(2)));
        });
        Map<String, List<WorkPattern>> patterns = new HashMap<>();
        jdbc.query("select technician_id, day_of_week, starts, ends, valid_from, valid_to from work_pattern order by starts", rs -> {
            patterns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new WorkPattern(
                    DayOfWeek.of(rs.getInt(2)), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class),
                    rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)));
        });
        Map<String, Technician> byId = new LinkedHashMap<>();
        Map<String, List<Technician>> byCentre = new HashMap<>();
        jdbc.query("select technician_id, name, home_centre_id, has_van from technician order by technician_id", rs -> {
            String id = rs.getString(1);
            Technician t = new Technician(id, rs.getString(2), rs.getString(3), rs.getBoolean(4),
                    Set.copyOf(skills.getOrDefault(id, Set.of())), List.copyOf(patterns.getOrDefault(id, List.of())));
            byId.put(id, t);
            byCentre.computeIfAbsent(t.homeCentreId(), k -> new ArrayList<>()).add(t);
        });
        return new Directory(byId, byCentre);
    }
}
