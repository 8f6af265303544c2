package io.glasslink.datahub;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts against real infrastructure, reports itself healthy and creates its topics. */
@HubSpringTest
class DatahubApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void reportsLivenessReadinessAndPrometheusMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(http.get().uri("/actuator/health/hub").header("Authorization", TestHttp.OPS).retrieve().body(String.class))
                .contains("\"UP\"");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"datahub-service\"");
    }

    @Test
    void createsDomainTopicsWithConfiguredPartitionsAndRetentionAndACompactedAvailabilityTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            List<String> topics = List.of("supplychain.events", "planning.events", "booking.events", "datahub.dlq",
                    "cloud.availability", "booking.notifications");
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
            assertThat(described.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(3));

            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "planning.events");
            ConfigResource availability = new ConfigResource(ConfigResource.Type.TOPIC, "cloud.availability");
            Map<ConfigResource, Config> configs = admin.describeConfigs(Set.of(events, availability)).all().get();
            assertThat(configs.get(events).get("retention.ms").value()).isEqualTo(Long.toString(7L * 24 * 3600 * 1000));
            assertThat(configs.get(availability).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
