package io.glasslink.supplychain.seed;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import io.glasslink.supplychain.seed.ReferenceDataGenerator.Dataset;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 3: loads the generated reference data, so it runs exactly once, on an empty
 * database, in the same transaction as the rest of the schema history. Rows go in with
 * PostgreSQL {@code COPY} (about 140,000 stock rows in a second or two).
 */
@Component
class ReferenceDataMigration implements JavaMigration {

    static final String CENTRES = "reference/centres.csv";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "reference data";
    }

    @Override
    public Integer getChecksum() {
        return (int) ReferenceDataGenerator.SEED;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Dataset data;
        try (var csv = new InputStreamReader(new ClassPathResource(CENTRES).getInputStream(), StandardCharsets.UTF_8)) {
            data = ReferenceDataGenerator.generate(ReferenceDataGenerator.readCentres(csv));
        }
        Connection connection = context.getConnection();
        copy(connection, "locations (location_id, type, name, postcode, departement, latitude, longitude, vans,"
                + " upstream_id, transit_days, cutoff)", data.locations(), l -> new Object[] {l.id(), l.type(), l.name(),
                l.postcode(), l.departement(), l.latitude(), l.longitude(), l.vans(), l.upstreamId(), l.transitDays(),
                l.cutoff()});
        copy(connection, "vehicle_models (model_id, make, model, year_from, year_to)", data.models(),
                m -> new Object[] {m.id(), m.make(), m.model(), m.yearFrom(), m.yearTo()});
        copy(connection, "parts (part_number, glass_type, description, adas_camera, heated, acoustic, rain_sensor,"
                + " supplier_lead_days)", data.parts(), p -> new Object[] {p.partNumber(), p.glassType(),
                p.description(), p.adasCamera(), p.heated(), p.acoustic(), p.rainSensor(), p.supplierLeadDays()});
        copy(connection, "fitments (model_id, part_number)", data.fitments(),
                f -> new Object[] {f.modelId(), f.partNumber()});
        copy(connection, "stock (part_number, location_id, on_hand)", data.stock(),
                s -> new Object[] {s.partNumber(), s.locationId(), s.onHand()});
    }

    private static <T> void copy(Connection connection, String table, List<T> rows, Function<T, Object[]> columns)
            throws SQLException, java.io.IOException {
        StringBuilder csv = new StringBuilder(rows.size() * 40);
        for (T row : rows) {
            Object[] values = columns.apply(row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (values[i] != null) {
                    csv.append('"').append(values[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
    }
}
