package io.glasslink.planning.idempotency;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures rerun a transaction, how often, and what the caller finally sees. */
class TransientConflictsTest {

    @Test
    void aDeadlockLoserIsRerunUntilItWins() {
        AtomicInteger attempts = new AtomicInteger();

        String result = TransientConflicts.retry(() -> {
            if (attempts.incrementAndGet() < TransientConflicts.ATTEMPTS) {
                throw new PessimisticLockingFailureException("40P01 deadlock detected");
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(TransientConflicts.ATTEMPTS);
    }

    @Test
    void aLoserEveryTimeGetsTheLastConflictItselfAfterFourAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        CannotAcquireLockException last = new CannotAcquireLockException("40001 could not serialize access");

        assertThatThrownBy(() -> TransientConflicts.retry(() -> {
            attempts.incrementAndGet();
            throw last;
        })).isSameAs(last);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void anyOtherFailureReachesTheCallerAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        DataIntegrityViolationException refused = new DataIntegrityViolationException("23P01 exclusion violation");

        assertThatThrownBy(() -> TransientConflicts.retry(() -> {
            attempts.incrementAndGet();
            throw refused;
        })).isSameAs(refused);
        assertThat(attempts).hasValue(1);
    }
}
