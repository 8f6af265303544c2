package io.glasslink.supplychain.stock.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.glasslink.supplychain.stock.Stock;
import io.glasslink.supplychain.stock.StockLevel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stock in PostgreSQL; a CHECK constraint refuses any level that would oversell. */
@Repository
class JdbcStock implements Stock {

    private static final String RETURNING = " returning part_number, location_id, on_hand, held, allocated";
    private static final RowMapper<StockLevel> LEVEL = (rs, i) -> new StockLevel(rs.getString(1), rs.getString(2),
            rs.getInt(3), rs.getInt(4), rs.getInt(5));

    private final JdbcClient jdbc;

    JdbcStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> available(String partNumber, Collection<String> locationIds) {
        Map<String, Integer> result = new HashMap<>();
        jdbc.sql("select location_id, on_hand - held - allocated from stock where part_number = ? and location_id = any(?)")
                .params(partNumber, locationIds.toArray(String[]::new))
                .query(rs -> {
                    result.put(rs.getString(1), rs.getInt(2));
                });
        return result;
    }

    @Override
    public StockLevel unhold(String partNumber, String locationId, int quantity) {
        return change("held = held - :q", partNumber, locationId, quantity);
    }

    @Override
    public StockLevel allocate(String partNumber, String locationId, int quantity) {
        return change("held = held - :q, allocated = allocated + :q", partNumber, locationId, quantity);
    }

    @Override
    public StockLevel deallocate(String partNumber, String locationId, int quantity) {
        return change("allocated = allocated - :q", partNumber, locationId, quantity);
    }

    private StockLevel change(String assignment, String partNumber, String locationId, int quantity) {
        return jdbc.sql("update stock set " + assignment + " where part_number = :p and location_id = :l" + RETURNING)
                .param("q", quantity).param("p", partNumber).param("l", locationId)
                .query(LEVEL).single();
    }
}
