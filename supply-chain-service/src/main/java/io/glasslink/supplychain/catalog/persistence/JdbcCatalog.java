package io.glasslink.supplychain.catalog.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.glasslink.supplychain.catalog.Catalog;
import io.glasslink.supplychain.catalog.GlassType;
import io.glasslink.supplychain.catalog.Part;
import io.glasslink.supplychain.catalog.VehicleModel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue in PostgreSQL. Parts are immutable reference data: all of them (about 2,000) are
 * read into memory at start-up, and a part added later is kept once read, so availability and
 * hold requests cost no catalogue query.
 */
@Repository
class JdbcCatalog implements Catalog {

    private static final String PART_COLUMNS = "p.part_number, p.glass_type, p.description, p.adas_camera, p.heated, "
            + "p.acoustic, p.rain_sensor, p.supplier_lead_days";

    private static final RowMapper<Part> PART = (rs, i) -> new Part(rs.getString(1), GlassType.valueOf(rs.getString(2)),
            rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7),
            (Integer) rs.getObject(8));

    private final JdbcClient jdbc;
    private final Map<String, Part> parts = new ConcurrentHashMap<>();

    JdbcCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("select " + PART_COLUMNS + " from parts p").query(PART).list()
                .forEach(p -> parts.put(p.partNumber(), p));
    }

    @Override
    public Optional<Part> findPart(String partNumber) {
        Part cached = parts.get(partNumber);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Part> found = jdbc.sql("select " + PART_COLUMNS + " from parts p where p.part_number = ?")
                .param(partNumber).query(PART).optional();
        found.ifPresent(p -> parts.put(p.partNumber(), p));
        return found;
    }

    @Override
    public List<Part> partsFor(String make, String model, int year, GlassType glassType) {
        return jdbc.sql("select distinct " + PART_COLUMNS + " from parts p"
                        + " join fitments f on f.part_number = p.part_number"
                        + " join vehicle_models v on v.model_id = f.model_id"
                        + " where lower(v.make) = lower(?) and lower(v.model) = lower(?) and ? between v.year_from and v.year_to"
                        + " and (cast(? as text) is null or p.glass_type = ?) order by p.part_number")
                .params(make, model, year, glassType == null ? null : glassType.name(),
                        glassType == null ? null : glassType.name())
                .query(PART).list();
    }

    @Override
    public List<String> makes() {
        return jdbc.sql("select distinct make from vehicle_models order by make").query(String.class).list();
    }

    @Override
    public List<VehicleModel> models(String make) {
        return jdbc.sql("select make, model, year_from, year_to from vehicle_models where lower(make) = lower(?)"
                        + " order by model, year_from")
                .param(make)
                .query((rs, i) -> new VehicleModel(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }
}
