package io.glasslink.planning.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.glasslink.planning.events.PlanningEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@link PlanningEvent} leaves the outbox (Spring Modulith's publication registry) for the
 * topic {@code planning.events}, keyed by centre, as a CloudEvent in binary content mode: the
 * {@code ce_*} attributes as headers, the event data (without its id) as the JSON value.
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String SOURCE = "/glasslink/planning-service";
    static final String TYPE_PREFIX = "io.glasslink.planning.";
    static final String SCHEMA_PREFIX = "https://schemas.glasslink.io/events/planning/";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Bean
    EventExternalizationConfiguration planningEventsExternalization(JsonMapper json,
            @Value("${glasslink.planning.events.topic:planning.events}") String topic) {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof PlanningEvent)
                .route(PlanningEvent.class, e -> RoutingTarget.forTarget(topic).andKey(e.centreId()))
                .mapping(PlanningEvent.class, e -> toCloudEvent(e, json))
                .build();
    }

    static Message<Map<String, Object>> toCloudEvent(PlanningEvent event, JsonMapper json) {
        String name = event.getClass().getSimpleName();
        Map<String, Object> data = json.convertValue(event, MAP);
        data.remove("eventId");
        return MessageBuilder.withPayload(data)
                .setHeader("ce_specversion", bytes("1.0"))
                .setHeader("ce_id", bytes(event.eventId().toString()))
                .setHeader("ce_source", bytes(SOURCE))
                .setHeader("ce_type", bytes(TYPE_PREFIX + name + ".v1"))
                .setHeader("ce_subject", bytes(event.subject()))
                .setHeader("ce_time", bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.occurredAt())))
                .setHeader("ce_dataschema", bytes(SCHEMA_PREFIX + name + ".v1.schema.json"))
                .setHeader("content-type", bytes("application/json"))
                .setHeader(KafkaHeaders.KEY, event.centreId())
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
