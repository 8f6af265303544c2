package io.glasslink.booking.bookings.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The CloudEvents producer and the topic it writes to. */
@Configuration(proxyBeanMethods = false)
class BookingMessagingConfiguration {

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventsTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), new CloudEventSerializer()));
    }

    @Bean
    NewTopic bookingEventsTopic() {
        return TopicBuilder.name(BookingEventsExternalizer.TOPIC).partitions(3).build();
    }
}
