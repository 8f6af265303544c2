package io.glasslink.planning.events.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates {@code planning.events} at start-up when the broker lacks it. */
@Configuration(proxyBeanMethods = false)
class PlanningTopic {

    @Bean
    NewTopic planningEventsTopic(@Value("${glasslink.planning.events.topic:planning.events}") String topic,
                                 @Value("${glasslink.planning.events.partitions:3}") int partitions,
                                 @Value("${glasslink.planning.events.replicas:1}") int replicas) {
        return TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build();
    }
}
