package io.glasslink.supplychain.seed;

import io.glasslink.supplychain.seed.ReferenceDataGenerator.Dataset;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 3: the network every installation needs — the distribution centre, the 20
 * depots and the 450 service centres of {@code reference/centres.csv}, with their supply routes,
 * transit days and cut-offs. It runs once, on an empty database. The synthetic catalogue and stock
 * are demo data, loaded only when asked for ({@link DemoData}).
 */
@Component
class ReferenceDataMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "reference data";
    }

    // unchanged since the release whose migration 3 also loaded the demo catalogue and stock: a database
    // migrated then keeps those rows and still validates
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
        Dataset data = CsvCopy.dataset();
        CsvCopy.copy(context.getConnection(), "locations (location_id, type, name, postcode, departement, latitude,"
                + " longitude, vans, upstream_id, transit_days, cutoff)", data.locations(), l -> new Object[] {l.id(),
                l.type(), l.name(), l.postcode(), l.departement(), l.latitude(), l.longitude(), l.vans(), l.upstreamId(),
                l.transitDays(), l.cutoff()});
    }
}
