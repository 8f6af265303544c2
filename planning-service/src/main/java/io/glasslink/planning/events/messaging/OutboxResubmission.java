package io.glasslink.planning.events.messaging;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-publishes events whose Kafka send has not completed (broker down, timeout) once they are
 * older than the configured age, so that none is lost while the service keeps running.
 */
@Component
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    OutboxResubmission(IncompleteEventPublications incomplete,
                       @Value("${glasslink.planning.events.resubmit-older-than:PT30S}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${glasslink.planning.events.resubmit-interval:PT15S}",
            initialDelayString = "${glasslink.planning.events.resubmit-interval:PT15S}")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
