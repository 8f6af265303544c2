package io.glasslink.booking.events.messaging;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.BookingEvents.BookingEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Every {@link BookingEvent} leaves the outbox (Spring Modulith's publication registry, written in the booking's
 * transaction) for {@code booking.events}, keyed by booking reference, as a CloudEvent in binary content mode: the
 * {@code ce_*} attributes as headers, the event as the JSON value. Modulith marks a publication complete when Kafka
 * acknowledges the send; the CloudEvent id is derived from the event itself, so a resubmission carries the same id.
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String TYPE_PREFIX = "io.glasslink.booking.";
    static final String SCHEMA_PREFIX = "https://schemas.glasslink.io/events/booking/";

    /**
     * The mapper is looked up when an event leaves, not injected: Modulith resolves this bean while the bean factory
     * is still being post-processed, and a mapper made then misses every {@code spring.jackson.*} property.
     */
    @Bean
    EventExternalizationConfiguration bookingEventsExternalization(EventsProperties events,
                                                                    ObjectProvider<JsonMapper> json) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof BookingEvent)
                .route(BookingEvent.class, e -> RoutingTarget.forTarget(events.topic()).andKey(e.bookingReference()))
                .mapping(BookingEvent.class, e -> toCloudEvent(e, events.source(), json.getObject()))
                .build();
    }

    @Bean
    NewTopic bookingEventsTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic()).partitions(events.partitions()).replicas(events.replicas()).build();
    }

    /**
     * A stopping service closes its producer within {@code max.block.ms}: Spring Kafka's default waits 30 s for
     * records a broker that is gone will never take (they stay in the outbox and are resubmitted).
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerClose(org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
        int seconds = (int) Math.max(1, KafkaSettings.maxBlock(kafka).toSeconds());
        return factory -> factory.setPhysicalCloseTimeout(seconds);
    }

    /** Each record also carries its producer span's {@code traceparent} as the CloudEvent's {@code ce_traceparent}. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer traceparentExtension() {
        return factory -> factory.updateConfigs(
                Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TraceparentExtension.class.getName()));
    }

    /**
     * The externalization sends on the application task executor after the commit: the decorator hands it the
     * observation of the request (or scheduled job) that wrote the event, so the producer span is its child.
     */
    @Bean
    ContextPropagatingTaskDecorator observationPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    /** The CloudEvent of {@code event}: a raw JSON value (copied as is by the Kafka message converter) and its headers. */
    static Message<RawValue> toCloudEvent(BookingEvent event, String source, JsonMapper json) {
        String name = event.getClass().getSimpleName();
        return MessageBuilder.withPayload(new RawValue(json.writeValueAsString(event)))
                .setHeader("ce_specversion", bytes("1.0"))
                .setHeader("ce_id", bytes(id(event).toString()))
                .setHeader("ce_source", bytes(URI.create(source).toString()))
                .setHeader("ce_type", bytes(TYPE_PREFIX + name + ".v1"))
                .setHeader("ce_subject", bytes(event.bookingReference()))
                .setHeader("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        event.occurredAt().atZoneSameInstant(NetworkCalendar.ZONE).toOffsetDateTime())))
                .setHeader("ce_dataschema", bytes(SCHEMA_PREFIX + name + ".v1.schema.json"))
                .setHeader("content-type", bytes("application/json"))
                .setHeader(KafkaHeaders.KEY, event.bookingReference())
                .build();
    }

    /** The CloudEvent id: a name-based UUID of the event's type, booking and instant, the same at every resubmission. */
    static UUID id(BookingEvent event) {
        return UUID.nameUUIDFromBytes((TYPE_PREFIX + event.getClass().getSimpleName() + '|' + event.bookingReference()
                + '|' + event.occurredAt().toInstant()).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
