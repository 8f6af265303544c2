package io.glasslink.supplychain.events.messaging;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the event publications that did not complete (Kafka refused or timed out), so an
 * outage delays events but loses none. Consumers may see an event twice; its CloudEvents id is
 * stable, so they can tell.
 */
@Component
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final EventsProperties properties;

    OutboxResubmission(IncompleteEventPublications incomplete, EventsProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${glasslink.supply.events.resubmit-interval:PT30S}",
            initialDelayString = "${glasslink.supply.events.resubmit-interval:PT30S}")
    void resubmitIncomplete() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(properties.resubmitAfter()));
    }
}
