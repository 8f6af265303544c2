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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

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
    HubPipeline hubPipeline(HubProperties hub, LakeProperties lake, Router router, EventValidator validator, LakeStore store,
                            ConsumerFactory<?, ?> consumers, ProducerFactory<?, ?> producers, MeterRegistry registry, Clock clock) {
        return new HubPipeline(hub, lake, router, validator, store,
                consumers.getConfigurationProperties(), producers.getConfigurationProperties(), registry, clock);
    }
}
