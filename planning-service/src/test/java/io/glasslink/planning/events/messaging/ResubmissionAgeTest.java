package io.glasslink.planning.events.messaging;

import java.util.Map;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The service refuses to start when the outbox could resubmit an event whose first send is still in flight. */
class ResubmissionAgeTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EventsProperties.class)
    static class Producer {

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }

        @Bean
        ProducerFactory<String, byte[]> producerFactory() {
            return new DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:9", "key.serializer",
                    StringSerializer.class, "value.serializer", ByteArraySerializer.class, "delivery.timeout.ms", 15000,
                    "max.block.ms", 5000));
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Producer.class, CloudEventsExternalization.class);

    @Test
    void aResubmissionAgeAboveDeliveryTimeoutPlusMaxBlockStarts() {
        runner.withPropertyValues("glasslink.events.resubmit-after=PT21S").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aResubmissionAgeWithinDeliveryTimeoutPlusMaxBlockDoesNotStart() {
        runner.withPropertyValues("glasslink.events.resubmit-after=PT20S").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("glasslink.events.resubmit-after").hasMessageContaining("20000 ms"));
    }

    @Test
    void theKafkaDefaultsCountWhenTheProducerSetsNothing() {
        // 120 s of delivery timeout and 60 s of max block by default
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> CloudEventsExternalization.checkResubmissionAge(
                java.time.Duration.ofSeconds(30), Map.of()))).hasMessageContaining("180000 ms");
    }
}
