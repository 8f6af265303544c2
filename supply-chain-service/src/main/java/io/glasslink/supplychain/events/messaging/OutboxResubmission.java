package io.glasslink.supplychain.events.messaging;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again the event publications that did not complete (Kafka refused or timed out), so an
 * outage delays events but loses none. Only publications older than {@code resubmit-after} are sent
 * again, and that age must exceed the longest a first send can still be under way in the producer
 * ({@code max.block.ms + delivery.timeout.ms}, checked at start-up): a resubmission never doubles a
 * send that may still succeed. Consumers may still see an event twice after a crash; its CloudEvents
 * id is stable, so they can tell.
 */
@Component
class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final EventsProperties events;

    OutboxResubmission(IncompleteEventPublications incomplete, EventsProperties events, KafkaProperties kafka) {
        this.incomplete = incomplete;
        this.events = events;
        Duration inFlight = longestSend(kafka.getProducer().getProperties());
        if (events.resubmitAfter().compareTo(inFlight) <= 0) {
            throw new IllegalStateException("glasslink.events.resubmit-after (" + events.resubmitAfter()
                    + ") must exceed the producer's max.block.ms + delivery.timeout.ms (" + inFlight
                    + "): a resubmission would duplicate a send still under way");
        }
    }

    /** How long the producer may still hold a record it was given: blocked for metadata, then delivering. */
    static Duration longestSend(Map<String, String> producer) {
        // Kafka's own defaults when not set: 60 s and 120 s
        long maxBlock = Long.parseLong(producer.getOrDefault("max.block.ms", "60000"));
        long delivery = Long.parseLong(producer.getOrDefault("delivery.timeout.ms", "120000"));
        return Duration.ofMillis(maxBlock + delivery);
    }

    @Scheduled(fixedDelayString = "${glasslink.events.resubmit-every:PT30S}",
            initialDelayString = "${glasslink.events.resubmit-every:PT30S}")
    void resubmitIncomplete() {
        incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(events.resubmitAfter()));
    }
}
