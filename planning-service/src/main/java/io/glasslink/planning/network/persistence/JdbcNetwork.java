package io.glasslink.planning.network.persistence;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.glasslink.planning.network.Centre;
import io.glasslink.planning.network.Network;
import io.glasslink.planning.network.Postcode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the centres once from PostgreSQL and answers from memory afterwards (van centres indexed by département). */
@Repository
class JdbcNetwork implements Network {

    private final JdbcTemplate jdbc;
    private volatile Map<String, Centre> centres;
    private volatile Map<String, List<Centre>> vanCentresByDepartement;

    JdbcNetwork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Centre> centre(String centreId) {
        return Optional.ofNullable(centres().get(centreId));
    }

    @Override
    public List<Centre> vanCentresServing(Postcode postcode) {
        centres();
        return vanCentresByDepartement.getOrDefault(postcode.departement(), List.of());
    }

    private Map<String, Centre> centres() {
        Map<String, Centre> loaded = centres;
        if (loaded == null || loaded.isEmpty()) {
            loaded = load();
            Map<String, List<Centre>> vans = new HashMap<>();
            loaded.values().stream().filter(Centre::hasVans)
                    .forEach(c -> vans.computeIfAbsent(c.departement(), k -> new ArrayList<>()).add(c));
            vans.replaceAll((k, v) -> List.copyOf(v));
            vanCentresByDepartement = vans;
            centres = loaded;
        }
        return loaded;
    }

    private Map<String, Centre> load() {
        Map<String, Map<DayOfWeek, Centre.OpeningHours>> opening = new LinkedHashMap<>();
        jdbc.query("select centre_id, day_of_week, opens, closes from centre_opening", rs -> {
            opening.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(DayOfWeek.class))
                    .put(DayOfWeek.of(rs.getInt(2)), new Centre.OpeningHours(
                            rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
        });
        List<Centre> list = new ArrayList<>();
        jdbc.query("select centre_id, name, postcode, city, departement, vans from centre order by centre_id", rs -> {
            String id = rs.getString(1);
            list.add(new Centre(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                    Map.copyOf(opening.getOrDefault(id, Map.of()))));
        });
        Map<String, Centre> byId = new LinkedHashMap<>();
        list.forEach(c -> byId.put(c.centreId(), c));
        return byId;
    }
}
