package io.glasslink.booking.bookings.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.glasslink.booking.bookings.BookingEvents.BookingEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends each booking event to {@code booking.events} (key: booking reference) once its transaction
 * has committed. Spring Modulith's JDBC registry records the publication in that transaction and
 * marks it complete only when Kafka acknowledged it, so nothing is lost; the CloudEvent id is
 * derived from the event, so a re-publication carries the same id.
 */
@Component
class BookingEventsExternalizer {

    static final String TOPIC = "booking.events";
    private static final URI SOURCE = URI.create("/glasslink/booking-web-service");

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final ObjectMapper json;

    BookingEventsExternalizer(KafkaTemplate<String, CloudEvent> cloudEventsTemplate, ObjectMapper json) {
        this.kafka = cloudEventsTemplate;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(BookingEvent event) throws InterruptedException, ExecutionException, TimeoutException {
        kafka.send(new ProducerRecord<>(TOPIC, event.bookingReference(), toCloudEvent(event))).get(10, TimeUnit.SECONDS);
    }

    CloudEvent toCloudEvent(BookingEvent event) {
        String name = event.getClass().getSimpleName();
        String type = "io.glasslink.booking." + name + ".v1";
        return CloudEventBuilder.v1()
                .withId(UUID.nameUUIDFromBytes((type + '|' + event.bookingReference() + '|' + event.occurredAt())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .withSource(SOURCE)
                .withType(type)
                .withSubject(event.bookingReference())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create("https://schemas.glasslink.io/events/booking/" + name + ".v1.schema.json"))
                .withData(json.writeValueAsBytes(event))
                .build();
    }
}
