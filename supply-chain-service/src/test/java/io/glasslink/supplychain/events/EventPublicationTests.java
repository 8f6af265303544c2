package io.glasslink.supplychain.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.glasslink.supplychain.Api;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.TestData;
import io.glasslink.supplychain.events.TopicReader.Event;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain events reach Kafka as CloudEvents, keyed by part and location, valid against their schemas. */
@SupplyChainIntegrationTest
class EventPublicationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void holdConfirmAndReleasePublishSchemaValidCloudEventsKeyedByPartAndLocation() {
        TestData data = new TestData(jdbc);
        Instant start = clock.instant();
        String part = data.newPart(null);
        String depot = data.depotOf("C040");
        data.stock(part, depot, 4);
        Api api = new Api(port, clock);
        String body = "{\"bookingReference\":\"BK-" + UUID.randomUUID() + "\",\"partNumber\":\"" + part
                + "\",\"quantity\":1,\"centreId\":\"C040\"}";
        String first = api.post("/api/v1/holds", body).text("/holdId");
        api.post("/api/v1/holds/" + first + "/confirm", null);
        api.post("/api/v1/holds/" + first + "/release", null);

        // PartHeld, StockLevelChanged x3, PartAllocated, TransferOrdered, PartHoldReleased
        List<Event> events = TopicReader.read(bootstrap, "supplychain.events", k -> k.startsWith(part + "@"), 7,
                Duration.ofSeconds(60));

        assertThat(events).extracting(Event::name).containsExactlyInAnyOrder("PartHeld", "StockLevelChanged",
                "PartAllocated", "StockLevelChanged", "TransferOrdered", "StockLevelChanged", "PartHoldReleased");
        assertThat(events).extracting(Event::key).containsOnly(part + "@" + depot);
        for (Event e : events) {
            assertThat(EventSchemas.validate(e.name(), e.value())).as(e.name() + " " + e.value()).isEmpty();
            assertThat(e.headers()).containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/glasslink/supply-chain-service")
                    .containsEntry("ce_type", "io.glasslink.supplychain." + e.name() + ".v1")
                    .containsEntry("ce_dataschema",
                            "https://schemas.glasslink.io/events/supplychain/" + e.name() + ".v1.schema.json")
                    .containsEntry("content-type", "application/json");
            assertThat(e.value()).contains("\"eventId\":\"" + e.headers().get("ce_id") + "\"");
            assertThat(Instant.parse(e.headers().get("ce_time"))).isBetween(start, clock.instant());
        }
        assertThat(events).filteredOn(e -> e.name().equals("PartHeld"))
                .extracting(e -> e.headers().get("ce_subject")).containsExactly(first);
        assertThat(events).filteredOn(e -> e.name().equals("StockLevelChanged"))
                .extracting(e -> e.headers().get("ce_subject")).containsOnly(part + "@" + depot);
    }
}
