package io.glasslink.supplychain.network.persistence;

import java.sql.Time;

import io.glasslink.supplychain.network.Location;
import io.glasslink.supplychain.network.LocationType;
import io.glasslink.supplychain.network.Network;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the locations table (filled by the reference data migration) into the in-memory {@link Network}. */
@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    // depends on Flyway having run: Boot initialises the Flyway bean before JdbcClient users
    @Bean
    Network network(JdbcClient jdbc) {
        return new Network(jdbc.sql("select location_id, type, name, postcode, departement, latitude, longitude, vans,"
                        + " upstream_id, transit_days, cutoff from locations")
                .query((rs, i) -> {
                    Time cutoff = rs.getTime(11);
                    return new Location(rs.getString(1), LocationType.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8),
                            rs.getString(9), rs.getInt(10), cutoff == null ? null : cutoff.toLocalTime());
                })
                .list());
    }
}
