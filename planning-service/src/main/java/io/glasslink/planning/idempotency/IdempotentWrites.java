package io.glasslink.planning.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a write at most once per (operation, key): the key and the response are stored in the
 * write's own transaction, by its last statement, so a failed write leaves no trace. A duplicate
 * (concurrent or later) finds the key taken (a concurrent one waits for the first to commit),
 * rolls its own work back and replays the stored response. A transaction PostgreSQL aborts as a
 * deadlock loser is rerun ({@link TransientConflicts}).
 */
@Component
public class IdempotentWrites {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    IdempotentWrites(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        // replay the stored times with their own offsets (+01:00/+02:00), not normalised to UTC
        this.json = json.rebuild().disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * The stored response when {@code key} was used for the same {@code request}, otherwise the
     * result of {@code write}, stored with the key. 422 when the key came with another request.
     * <p>
     * The key is stored after the write, with its response, in one statement (one round trip
     * less per write than claiming it first and storing the response after): a duplicate then
     * repeats the write, finds the key taken and rolls back. When the write itself refuses (a
     * repeated hold whose slot the first one took answers 409), the stored response is looked
     * up before the refusal is passed on.
     */
    public <T> T execute(String operation, String key, Object request, Class<T> responseType, Supplier<T> write) {
        String hash = hash(json.writeValueAsString(request));
        return TransientConflicts.retry(() -> {
            List<T> written;
            try {
                written = tx.execute(status -> {
                    T response = write.get();
                    int stored = jdbc.update("""
                            insert into idempotency_record (operation, idempotency_key, request_hash, response_body, created_at)
                            values (?, ?, ?, ?, ?) on conflict do nothing""",
                            operation, key, hash, json.writeValueAsString(response),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    if (stored == 1) {
                        return List.of(response);
                    }
                    status.setRollbackOnly(); // a duplicate: nothing of this attempt stays
                    return List.of();
                });
            } catch (ConcurrencyFailureException e) {
                throw e;
            } catch (RuntimeException e) {
                return replay(operation, key, hash, responseType).orElseThrow(() -> e);
            }
            return written != null && !written.isEmpty() ? written.get(0)
                    : replay(operation, key, hash, responseType).orElseThrow(() -> new IdempotencyKeyReusedException(key));
        });
    }

    /** The response stored for the key; 422 when it was stored for another request. */
    private <T> Optional<T> replay(String operation, String key, String hash, Class<T> responseType) {
        List<String[]> stored = jdbc.query(
                "select request_hash, response_body from idempotency_record where operation = ? and idempotency_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, operation, key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get(0)[0].equals(hash)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(json.readValue(stored.get(0)[1], responseType));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
