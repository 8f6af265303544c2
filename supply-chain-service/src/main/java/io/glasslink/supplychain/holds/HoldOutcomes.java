package io.glasslink.supplychain.holds;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts what became of hold requests and holds: {@code glasslink.part.holds} tagged {@code outcome}
 * (held, refused, confirmed, released, expired). A repeated request that changes nothing is not counted.
 */
@Component
class HoldOutcomes {

    /** What a hold operation did. */
    enum Outcome {
        HELD, REFUSED, CONFIRMED, RELEASED, EXPIRED
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    HoldOutcomes(MeterRegistry meters) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder("glasslink.part.holds")
                    .description("Part holds by outcome: held, refused (no stock), confirmed, released, expired")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    void count(Outcome outcome, int times) {
        counters.get(outcome).increment(times);
    }

    void count(Outcome outcome) {
        count(outcome, 1);
    }
}
