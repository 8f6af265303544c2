package io.glasslink.planning.idempotency;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Reruns a whole transaction that PostgreSQL aborted as a deadlock loser (40P01) or a
 * serialization failure (40001): nothing of the aborted attempt was written, so a rerun is safe;
 * after a bounded number of attempts the failure reaches the caller (409, retryable).
 */
public final class TransientConflicts {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 4;

    private TransientConflicts() {
    }

    /** The result of {@code transaction}, rerun after a short random pause while it loses a deadlock. */
    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                // de-synchronise the racers so that they do not meet again at once
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * attempt));
            }
        }
    }
}
