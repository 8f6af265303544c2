package io.glasslink.planning.idempotency;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Reruns a whole transaction that PostgreSQL aborted as a deadlock loser (40P01) or a
 * serialization failure (40001): nothing of the aborted attempt was written, so a rerun is safe;
 * after a bounded number of attempts the failure reaches the caller (409, retryable).
 */
public final class TransientConflicts {

    /** Attempts in all, the first included. */
    static final int ATTEMPTS = 4;

    // a short random pause, growing with each attempt, de-synchronises the racers so that they do not meet again at once
    private static final RetryTemplate RERUN = new RetryTemplate(RetryPolicy.builder()
            .includes(ConcurrencyFailureException.class)
            .maxRetries(ATTEMPTS - 1)
            .delay(Duration.ofMillis(2))
            .jitter(Duration.ofMillis(1))
            .multiplier(2)
            .build());

    private TransientConflicts() {
    }

    /**
     * The result of {@code transaction}, rerun after a short random pause while it loses a deadlock; the last
     * {@link ConcurrencyFailureException}, or any other exception at once, reaches the caller as it was thrown.
     */
    public static <T> T retry(Supplier<T> transaction) {
        return RERUN.invoke(transaction);
    }
}
