package io.glasslink.planning.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write at most once per (operation, key): the key is claimed in the write's own
 * transaction, so a failed write leaves no trace and a concurrent duplicate waits, then replays.
 * A transaction PostgreSQL aborts as a deadlock loser is rerun ({@link TransientConflicts}).
 */
@Component
public class IdempotentWrites {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    IdempotentWrites(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx) {
        this.jdbc = jdbc;
        // replay the stored times with their own offsets (+01:00/+02:00), not normalised to UTC
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        this.tx = tx;
    }

    /**
     * The stored response when {@code key} was used for the same {@code request}, otherwise the
     * result of {@code write}, stored with the key. 422 when the key came with another request.
     */
    public <T> T execute(String operation, String key, Object request, Class<T> responseType, Supplier<T> write) {
        String hash = hash(json.writeValueAsString(request));
        return TransientConflicts.retry(() -> tx.execute(status -> {
            int claimed = jdbc.update("""
                    insert into idempotency_record (operation, idempotency_key, request_hash) values (?, ?, ?)
                    on conflict do nothing""", operation, key, hash);
            if (claimed == 0) {
                List<String[]> stored = jdbc.query(
                        "select request_hash, response_body from idempotency_record where operation = ? and idempotency_key = ?",
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, operation, key);
                if (stored.isEmpty() || !stored.get(0)[0].equals(hash)) {
                    throw new IdempotencyKeyReusedException(key);
                }
                return json.readValue(stored.get(0)[1], responseType);
            }
            T response = write.get();
            jdbc.update("update idempotency_record set response_body = ? where operation = ? and idempotency_key = ?",
                    json.writeValueAsString(response), operation, key);
            return response;
        }));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
