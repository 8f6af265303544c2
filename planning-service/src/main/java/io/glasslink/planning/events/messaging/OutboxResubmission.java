package io.glasslink.planning.events.messaging;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-publishes events whose Kafka send has not completed (broker down, timeout) once they are
 * older than {@code glasslink.events.resubmit-after}, every {@code resubmit-every}, so that none is
 * lost while the service keeps running. Each run is a span (Spring's scheduled-task observation): an
 * event sent again carries the trace of its resubmission.
 */
@Component
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final EventsProperties events;

    OutboxResubmission(IncompleteEventPublications incomplete, EventsProperties events) {
        this.incomplete = incomplete;
        this.events = events;
    }

    // the default repeats EventsProperties': a placeholder cannot read the bound record
    @Scheduled(fixedDelayString = "${glasslink.events.resubmit-every:PT15S}",
            initialDelayString = "${glasslink.events.resubmit-every:PT15S}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(events.resubmitAfter());
    }
}
