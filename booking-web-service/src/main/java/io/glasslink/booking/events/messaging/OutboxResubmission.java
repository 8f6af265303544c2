package io.glasslink.booking.events.messaging;

import java.time.Duration;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the event publications that did not complete (Kafka refused or timed out), so an outage delays events
 * but loses none. Only publications older than {@code glasslink.events.resubmit-after} are resubmitted, and that age
 * must exceed the longest a send can stay in the Kafka client ({@code delivery.timeout.ms} + {@code max.block.ms}):
 * a publication whose send may still be delivered is never sent twice. The CloudEvent id stays the same.
 */
@Component
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final EventsProperties events;

    OutboxResubmission(IncompleteEventPublications incomplete, EventsProperties events, KafkaProperties kafka) {
        Duration inFlight = KafkaSettings.deliveryTimeout(kafka).plus(KafkaSettings.maxBlock(kafka));
        if (events.resubmitAfter().compareTo(inFlight) <= 0) {
            throw new IllegalStateException("glasslink.events.resubmit-after (" + events.resubmitAfter()
                    + ") must exceed the producer's delivery.timeout.ms + max.block.ms (" + inFlight
                    + "): a send still held by the Kafka client would be sent twice");
        }
        this.incomplete = incomplete;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${glasslink.events.resubmit-every:PT15S}",
            initialDelayString = "${glasslink.events.resubmit-every:PT15S}")
    void resubmit() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(events.resubmitAfter()));
    }
}
