package io.glasslink.supplychain.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.glasslink.supplychain.calendar.BusinessCalendar;
import io.glasslink.supplychain.events.SupplyChainEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Every {@link SupplyChainEvent} leaves the outbox (Spring Modulith's publication registry) for the
 * supply-chain topic, keyed {@code partNumber@locationId}, as a CloudEvent 1.0 in binary content
 * mode: the {@code ce_*} attributes as headers (UTF-8 bytes), the event as the JSON value, written by
 * Spring Modulith's converter with the application's mapper (times with the Paris offset).
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String DOMAIN = "supplychain";

    @Bean
    EventExternalizationConfiguration supplyChainEventsExternalization(EventsProperties events) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof SupplyChainEvent)
                .route(SupplyChainEvent.class, e -> RoutingTarget.forTarget(events.topic())
                        .andKey(e.partNumber() + "@" + e.locationId()))
                .headers(SupplyChainEvent.class, e -> headers(e, events.source()))
                .build();
    }

    @Bean
    NewTopic supplyChainTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic()).partitions(events.partitions()).replicas(events.replicas()).build();
    }

    /** At shutdown the producer waits at most {@code close-timeout} for its pending sends: the outbox keeps them. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerClose(EventsProperties events) {
        return factory -> factory.setPhysicalCloseTimeout((int) Math.max(1, events.closeTimeout().toSeconds()));
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

    /** The CloudEvents attributes of {@code event} as Kafka headers. */
    static Map<String, Object> headers(SupplyChainEvent event, String source) {
        String name = event.getClass().getSimpleName();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", bytes("1.0"));
        headers.put("ce_id", bytes(event.eventId().toString()));
        headers.put("ce_source", bytes(source));
        headers.put("ce_type", bytes("io.glasslink." + DOMAIN + "." + name + ".v1"));
        headers.put("ce_subject", bytes(event.subject()));
        headers.put("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(event.occurredAt().atZoneSameInstant(BusinessCalendar.ZONE).toOffsetDateTime())));
        headers.put("ce_dataschema", bytes("https://schemas.glasslink.io/events/" + DOMAIN + "/" + name + ".v1.schema.json"));
        headers.put("content-type", bytes("application/json"));
        return headers;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
