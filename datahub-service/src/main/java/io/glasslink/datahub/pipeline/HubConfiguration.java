package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.glasslink.datahub.contracts.EventSchemas;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.routing.Router;
import io.glasslink.datahub.routing.RoutingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The hub's beans: schemas, validator, router, the topics it creates at start-up and the pipeline. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    EventSchemas eventSchemas() {
        return EventSchemas.loadFromClasspath();
    }

    @Bean
    EventValidator eventValidator(EventSchemas schemas) {
        return new EventValidator(schemas);
    }

    @Bean
    Router router(RoutingProperties routing) {
        return new Router(routing);
    }

    /** Source topics, the dead-letter topic and every sink topic, with the configured partitions and retention. */
    @Bean
    KafkaAdmin.NewTopics hubTopics(Router router, RoutingProperties routing, HubProperties hub) {
        String retention = Long.toString(hub.retention().toMillis());
        List<NewTopic> topics = new ArrayList<>();
        Set<String> plain = new LinkedHashSet<>(router.sourceTopics());
        plain.add(hub.deadLetterTopic());
        for (String sink : router.sinkTopics()) {
            if (routing.compactedTopics().contains(sink)) {
                topics.add(TopicBuilder.name(sink).partitions(hub.partitions()).compact().build());
            } else {
                plain.add(sink);
            }
        }
        plain.forEach(name -> topics.add(TopicBuilder.name(name).partitions(hub.partitions())
                .config(TopicConfig.RETENTION_MS_CONFIG, retention).build()));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    HubPipeline hubPipeline(HubProperties hub, LakeProperties lake, Router router, EventValidator validator, JsonMapper json, LakeStore store,
                            ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers, MeterRegistry registry, Clock clock,
                            ObjectProvider<PropagatingSenderTracingObservationHandler<?>> sending,
                            ObjectProvider<PropagatingReceiverTracingObservationHandler<?>> receiving,
                            ObjectProvider<DefaultTracingObservationHandler> tracing) {
        return new HubPipeline(hub, lake, router, validator, json, store, consumers.getConfigurationProperties(),
                producers.getConfigurationProperties(), registry, clock, recordObservations(sending, receiving, tracing));
    }

    /**
     * Where the hub observes each record and each send: Boot's tracing handlers, without its meter handler, whose
     * per-record timers would nearly double the cost of observing (ObservationCostBenchmark: spans ≈ 4.4 µs per event,
     * ≈ 3.6-4.9 µs more with the timers, against ≈ 10 µs of the hub's own work) to count what the datahub and Kafka
     * client meters count already. No tracer (tracing off): no observation at all.
     */
    static ObservationRegistry recordObservations(ObjectProvider<PropagatingSenderTracingObservationHandler<?>> sending,
                                                  ObjectProvider<PropagatingReceiverTracingObservationHandler<?>> receiving,
                                                  ObjectProvider<DefaultTracingObservationHandler> tracing) {
        DefaultTracingObservationHandler local = tracing.getIfAvailable();
        PropagatingSenderTracingObservationHandler<?> sender = sending.getIfAvailable();
        PropagatingReceiverTracingObservationHandler<?> receiver = receiving.getIfAvailable();
        if (local == null || sender == null || receiver == null) {
            return ObservationRegistry.NOOP;
        }
        ObservationRegistry registry = ObservationRegistry.create();
        // Boot's order: the first handler that supports the context makes its span
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(sender, receiver, local));
        return registry;
    }
}
