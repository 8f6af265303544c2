package io.glasslink.supplychain.seed;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.glasslink.supplychain.seed.ReferenceDataGenerator.Dataset;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue and stock — about 300 vehicle models, 2,000 parts and 140,000 stock rows,
 * generated with a fixed seed — loaded after Flyway's migrations into a database that has no part
 * yet, only when {@code glasslink.demo-data.enabled} ({@code GLASSLINK_DEMO_DATA}) is true: the
 * local platform and docker-compose turn it on, a production database never gets them.
 */
@Component
@ConditionalOnBooleanProperty("glasslink.demo-data.enabled")
class DemoData implements Callback {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (hasParts(connection)) {
                return;
            }
            Dataset data = CsvCopy.dataset();
            CsvCopy.copy(connection, "vehicle_models (model_id, make, model, year_from, year_to)", data.models(),
                    m -> new Object[] {m.id(), m.make(), m.model(), m.yearFrom(), m.yearTo()});
            CsvCopy.copy(connection, "parts (part_number, glass_type, description, adas_camera, heated, acoustic,"
                    + " rain_sensor, supplier_lead_days)", data.parts(), p -> new Object[] {p.partNumber(), p.glassType(),
                    p.description(), p.adasCamera(), p.heated(), p.acoustic(), p.rainSensor(), p.supplierLeadDays()});
            CsvCopy.copy(connection, "fitments (model_id, part_number)", data.fitments(),
                    f -> new Object[] {f.modelId(), f.partNumber()});
            CsvCopy.copy(connection, "stock (part_number, location_id, on_hand)", data.stock(),
                    s -> new Object[] {s.partNumber(), s.locationId(), s.onHand()});
            log.info("loaded the demo catalogue ({} parts) and stock ({} rows)", data.parts().size(), data.stock().size());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot load the demo data", e);
        }
    }

    private static boolean hasParts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select exists (select 1 from parts)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public String getCallbackName() {
        return "glasslink demo data";
    }
}
