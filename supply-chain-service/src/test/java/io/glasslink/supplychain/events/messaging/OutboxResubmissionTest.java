package io.glasslink.supplychain.events.messaging;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A resubmission must never double a send the producer may still complete. */
class OutboxResubmissionTest {

    static EventsProperties resubmittingAfter(Duration age) {
        return new EventsProperties("/glasslink/supply-chain-service", "supplychain.events", 3, 1, age,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    static KafkaProperties producer(Map<String, String> properties) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getProducer().getProperties().putAll(properties);
        return kafka;
    }

    @Test
    void theResubmissionAgeMustExceedMaxBlockPlusDeliveryTimeout() {
        KafkaProperties kafka = producer(Map.of("max.block.ms", "5000", "delivery.timeout.ms", "15000"));

        assertThatThrownBy(() -> new OutboxResubmission(null, resubmittingAfter(Duration.ofSeconds(20)), kafka))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("resubmit-after");
        assertThatCode(() -> new OutboxResubmission(null, resubmittingAfter(Duration.ofSeconds(21)), kafka))
                .doesNotThrowAnyException();
    }

    @Test
    void kafkasOwnDefaultsCountWhenTheProducerSetsNothing() {
        assertThat(OutboxResubmission.longestSend(Map.of())).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> new OutboxResubmission(null, resubmittingAfter(Duration.ofSeconds(30)), producer(Map.of())))
                .isInstanceOf(IllegalStateException.class);
    }
}
