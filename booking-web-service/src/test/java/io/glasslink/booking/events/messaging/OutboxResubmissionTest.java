package io.glasslink.booking.events.messaging;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox never resubmits a publication whose send the Kafka client may still deliver: checked at start-up. */
class OutboxResubmissionTest {

    @Test
    void aResubmissionAgeWithinTheProducersDeliveryWindowIsRefusedAtStartUp() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().put("delivery.timeout.ms", "15000");
        kafka.getProducer().getProperties().put("max.block.ms", "5000");
        assertThatThrownBy(() -> new OutboxResubmission(null, events(Duration.ofSeconds(20)), kafka))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resubmit-after");
        assertThatCode(() -> new OutboxResubmission(null, events(Duration.ofSeconds(21)), kafka)).doesNotThrowAnyException();
    }

    @Test
    void withoutProducerSettingsKafkasOwnDefaultsCount() {
        // delivery.timeout.ms 120 s + max.block.ms 60 s
        assertThatThrownBy(() -> new OutboxResubmission(null, events(Duration.ofSeconds(30)), new KafkaProperties()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static EventsProperties events(Duration resubmitAfter) {
        return new EventsProperties("/glasslink/booking-web-service", "booking.events", 3, 1, resubmitAfter,
                Duration.ofSeconds(15));
    }
}
