package io.glasslink.planning.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.glasslink.planning.events.PlanningEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Every {@link PlanningEvent} leaves the outbox (Spring Modulith's publication registry) for the
 * topic of {@link EventsProperties} (created at start-up when the broker lacks it), keyed by
 * centre, as a CloudEvent in binary content mode: the {@code ce_*} attributes as headers
 * ({@code ce_time} with the Paris offset), the event data (without its id) as the JSON value. The
 * producer is idempotent ({@code enable.idempotence}, {@code acks=all}: a retried send is written
 * once) and closes within {@link #PRODUCER_CLOSE} when the broker is gone, so that the service stops
 * within its bound. Each send is observed: its producer span is a child of the request (or job) that wrote the
 * event, and the record names it in {@code traceparent} and {@code ce_traceparent} ({@link TraceparentExtension}).
 */
@Configuration(proxyBeanMethods = false)
class CloudEventsExternalization {

    static final String TYPE_PREFIX = "io.glasslink.planning.";
    static final String SCHEMA_PREFIX = "https://schemas.glasslink.io/events/planning/";

    /**
     * How long closing the producer may wait for unsent records (Spring Kafka waits 30 s by default):
     * what it drops stays incomplete in the outbox and is sent again after the restart.
     */
    static final Duration PRODUCER_CLOSE = Duration.ofSeconds(3);

    /** The event id travels as {@code ce_id}, not in the data. */
    @JsonIgnoreProperties("eventId")
    interface WithoutEventId {
    }

    @Bean
    EventExternalizationConfiguration planningEventsExternalization(JsonMapper json, EventsProperties events) {
        JsonMapper data = dataMapper(json);
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof PlanningEvent)
                .route(PlanningEvent.class, e -> RoutingTarget.forTarget(events.topic()).andKey(e.centreId()))
                .mapping(PlanningEvent.class, e -> toCloudEvent(e, data, events.source()))
                .build();
    }

    /** The start-up check of {@link #checkResubmissionAge} on the producer the externalization sends with. */
    @Bean
    InitializingBean resubmissionAgeCheck(EventsProperties events, ProducerFactory<?, ?> producers) {
        return () -> checkResubmissionAge(events.resubmitAfter(), producers.getConfigurationProperties());
    }

    @Bean
    NewTopic planningEventsTopic(EventsProperties events) {
        return TopicBuilder.name(events.topic()).partitions(events.partitions()).replicas(events.replicas()).build();
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedProducerClose() {
        return factory -> factory.setPhysicalCloseTimeout((int) PRODUCER_CLOSE.toSeconds());
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer traceparentExtension() {
        return factory -> factory.updateConfigs(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, TraceparentExtension.class.getName()));
    }

    /**
     * The externalization sends on the application task executor after the commit: the decorator hands each task
     * the observation of the request (or job) that submitted it, so the producer span is its child.
     */
    @Bean
    ContextPropagatingTaskDecorator observationPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    /**
     * Refuses to start when a publication could be resubmitted while its first send is still in
     * flight: the producer may hold a record for {@code max.block.ms} before it is sent and retry it
     * for {@code delivery.timeout.ms}.
     */
    static void checkResubmissionAge(Duration resubmitAfter, Map<String, Object> producer) {
        long inFlight = millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG) + millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (resubmitAfter.toMillis() <= inFlight) {
            throw new IllegalStateException("glasslink.events.resubmit-after (" + resubmitAfter.toMillis()
                    + " ms) must exceed the producer's delivery.timeout.ms + max.block.ms (" + inFlight + " ms)");
        }
    }

    private static long millis(Map<String, Object> producer, String key) {
        Object value = producer.get(key);
        return Long.parseLong(String.valueOf(value != null ? value : ProducerConfig.configDef().defaultValues().get(key)));
    }

    /** The application's mapper, leaving out the event id. */
    static JsonMapper dataMapper(JsonMapper json) {
        return json.rebuild().addMixIn(PlanningEvent.class, WithoutEventId.class).build();
    }

    /**
     * The CloudEvent of {@code event}; {@code dataMapper} from {@link #dataMapper}. The data is a
     * raw JSON value, which the Kafka message converter copies as it is.
     */
    static Message<RawValue> toCloudEvent(PlanningEvent event, JsonMapper dataMapper, String source) {
        String name = event.getClass().getSimpleName();
        return MessageBuilder.withPayload(new RawValue(dataMapper.writeValueAsString(event)))
                .setHeader("ce_specversion", bytes("1.0"))
                .setHeader("ce_id", bytes(event.eventId().toString()))
                .setHeader("ce_source", bytes(source))
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
