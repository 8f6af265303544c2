package io.glasslink.supplychain.events.messaging;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.glasslink.supplychain.events.SupplyChainEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Every {@link SupplyChainEvent} goes to the supply-chain topic, keyed {@code partNumber@locationId},
 * with CloudEvents 1.0 binary-mode headers; the value is the event as JSON.
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String DOMAIN = "supplychain";

    @Bean
    EventExternalizationConfiguration eventExternalization(EventsProperties properties) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof SupplyChainEvent)
                .routeAll(event -> {
                    SupplyChainEvent e = (SupplyChainEvent) event;
                    return RoutingTarget.forTarget(properties.topic()).andKey(e.partNumber() + "@" + e.locationId());
                })
                .headers(event -> headers((SupplyChainEvent) event, properties.source()))
                .build();
    }

    @Bean
    NewTopic supplyChainTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(properties.replicas())
                .build();
    }

    /** The CloudEvents attributes of {@code event} as Kafka headers. */
    static Map<String, Object> headers(SupplyChainEvent event, String source) {
        String name = event.getClass().getSimpleName();
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_source", source);
        headers.put("ce_type", "io.glasslink." + DOMAIN + "." + name + ".v1");
        headers.put("ce_subject", event.subject());
        headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        headers.put("ce_dataschema", "https://schemas.glasslink.io/events/" + DOMAIN + "/" + name + ".v1.schema.json");
        headers.put("content-type", "application/json");
        return headers;
    }
}
