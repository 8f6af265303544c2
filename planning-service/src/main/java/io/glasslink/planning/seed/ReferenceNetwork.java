package io.glasslink.planning.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.util.ArrayList;
import java.util.List;

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
 * The network's reference data, loaded into an empty database on start-up whatever the demo switch
 * says: the 450 centres of {@code reference/centres.csv} (docs/contracts.md "Reference data") and
 * their opening hours (Monday to Friday 08:00-18:30, Saturday 09:00-13:00 but for one centre in
 * five). Under an advisory lock, so that two instances starting together do not both load it.
 */
@Component
@Order(0)
class ReferenceNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceNetwork.class);

    /** The advisory lock every loader of this service takes. */
    static final long LOCK = 0x504C414EL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ReferenceNetwork(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** One row of centres.csv. */
    record CentreRow(String id, String name, String postcode, String city, String departement, int vans) {
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
            Integer centres = jdbc.queryForObject("select count(*) from centre", Integer.class);
            if (centres != null && centres > 0) {
                return;
            }
            List<CentreRow> rows = readCentres();
            load(rows);
            log.info("reference network loaded: {} centres", rows.size());
        });
    }

    private void load(List<CentreRow> centres) {
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
    }

    /** The rows of {@code reference/centres.csv}. */
    static List<CentreRow> readCentres() {
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
