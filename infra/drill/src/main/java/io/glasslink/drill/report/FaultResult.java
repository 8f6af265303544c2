package io.glasslink.drill.report;

import java.util.List;
import java.util.Map;

import io.glasslink.drill.faults.Fault;
import io.glasslink.drill.invariants.Invariant;

/**
 * One fault's row: its timeline, when the platform answered again (every process ready, a search and
 * a booking list through the gateway), the load's answers in its window by kind, and each invariant.
 */
public record FaultResult(String fault, Fault.Timeline timeline, Long recoveredAt, long windowEnd,
                          int requests, Map<String, Long> answersByKind, List<Invariant> invariants) {

    public boolean allHold() {
        return recoveredAt != null && invariants.stream().allMatch(Invariant::holds);
    }

    /** Seconds from the fault to its first sign, or null when none was seen. */
    public Double detectSeconds() {
        return timeline.detectedAt() == null ? null : Math.max(0, timeline.detectedAt() - timeline.injectedAt()) / 1000.0;
    }

    /** Seconds from the fault to the platform answering again, or null when it did not within the bound. */
    public Double recoverSeconds() {
        return recoveredAt == null ? null : (recoveredAt - timeline.injectedAt()) / 1000.0;
    }
}
