package io.glasslink.planning.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.glasslink.planning.events.PlanningEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Every {@link PlanningEvent} leaves the outbox (Spring Modulith's publication registry) for the
 * topic {@code planning.events}, keyed by centre, as a CloudEvent in binary content mode: the
 * {@code ce_*} attributes as headers, the event data (without its id) as the JSON value, written
 * once, straight from the event (was: converted to a map, then the map written).
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String SOURCE = "/glasslink/planning-service";
    static final String TYPE_PREFIX = "io.glasslink.planning.";
    static final String SCHEMA_PREFIX = "https://schemas.glasslink.io/events/planning/";

    /** The event id travels as {@code ce_id}, not in the data. */
    @JsonIgnoreProperties("eventId")
    interface WithoutEventId {
    }

    @Bean
    EventExternalizationConfiguration planningEventsExternalization(JsonMapper json,
            @Value("${glasslink.planning.events.topic:planning.events}") String topic) {
        JsonMapper data = dataMapper(json);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof PlanningEvent)
                .route(PlanningEvent.class, e -> RoutingTarget.forTarget(topic).andKey(e.centreId()))
                .mapping(PlanningEvent.class, e -> toCloudEvent(e, data))
                .build();
    }

    /** The application's mapper, leaving out the event id. */
    static JsonMapper dataMapper(JsonMapper json) {
        return json.rebuild().addMixIn(PlanningEvent.class, WithoutEventId.class).build();
    }

    /**
     * The CloudEvent of {@code event}; {@code dataMapper} from {@link #dataMapper}. The data is a
     * raw JSON value, which the Kafka message converter copies as it is.
     */
    static Message<RawValue> toCloudEvent(PlanningEvent event, JsonMapper dataMapper) {
        String name = event.getClass().getSimpleName();
        return MessageBuilder.withPayload(new RawValue(dataMapper.writeValueAsString(event)))
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
