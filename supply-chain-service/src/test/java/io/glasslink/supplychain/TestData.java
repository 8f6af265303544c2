package io.glasslink.supplychain;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates test parts of its own (numbers that no seeded part has) and sets their stock. */
public final class TestData {

    private final JdbcClient jdbc;

    /** Over the service's database. */
    public TestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new windscreen; {@code supplierLeadDays} null for a discontinued part. */
    public String newPart(Integer supplierLeadDays) {
        String number = "0000T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("insert into parts (part_number, glass_type, description, adas_camera, heated, acoustic, rain_sensor,"
                        + " supplier_lead_days) values (?, 'WINDSCREEN', 'test windscreen', true, false, false, true, ?)")
                .params(number, supplierLeadDays).update();
        return number;
    }

    /** Sets the stock on hand of {@code part} at {@code location} (nothing held or allocated). */
    public void stock(String part, String location, int onHand) {
        jdbc.sql("insert into stock (part_number, location_id, on_hand) values (?, ?, ?)"
                        + " on conflict (part_number, location_id) do update set on_hand = excluded.on_hand, held = 0, allocated = 0")
                .params(part, location, onHand).update();
    }

    /** The depot that supplies {@code centreId}. */
    public String depotOf(String centreId) {
        return jdbc.sql("select upstream_id from locations where location_id = ?").param(centreId)
                .query(String.class).single();
    }

    /** {on_hand, held, allocated} of {@code part} at {@code location}. */
    public int[] level(String part, String location) {
        return jdbc.sql("select on_hand, held, allocated from stock where part_number = ? and location_id = ?")
                .params(part, location)
                .query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }
}
