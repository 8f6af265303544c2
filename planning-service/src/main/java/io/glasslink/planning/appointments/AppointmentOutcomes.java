package io.glasslink.planning.appointments;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what became of holds and appointments: {@code glasslink.appointments} tagged {@code outcome} (held,
 * refused-slot-gone, confirmed, cancelled, rescheduled, expired). A change is counted once its transaction has
 * committed (a rerun after a deadlock, or a rollback, counts nothing); a repeat that changes nothing is not counted.
 */
@Component
class AppointmentOutcomes {

    /** What a request or the expiry job did to an appointment. */
    enum Outcome {
        HELD, REFUSED_SLOT_GONE, CONFIRMED, CANCELLED, RESCHEDULED, EXPIRED;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    AppointmentOutcomes(MeterRegistry meters) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("glasslink.appointments")
                    .description("Appointments by outcome: held, refused-slot-gone (a hold found no free technician), "
                            + "confirmed, cancelled, rescheduled, expired (a hold lapsed)")
                    .tag("outcome", outcome.tag())
                    .register(meters));
        }
    }

    /** Counts {@code outcome} when the current transaction commits (at once outside a transaction). */
    void committed(Outcome outcome) {
        Counter counter = counters.get(outcome);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** Counts a refusal: its transaction rolls back, the refusal stands. */
    void refused() {
        counters.get(Outcome.REFUSED_SLOT_GONE).increment();
    }
}
