package io.glasslink.supplychain.events;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.events.TopicReader.Event;
import io.glasslink.supplychain.holds.HoldService;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.NamedDates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supply-chain event type reaches Kafka as a CloudEvent of the shared shape (CloudEventChecks),
 * keyed by part and location, valid against its schema, every time in it with the Paris offset, naming the
 * span that sent it ({@code ce_traceparent}).
 */
@SupplyChainIntegrationTest
class EventPublicationTests extends ApiTestSupport {

    static final String SOURCE = "/glasslink/supply-chain-service";

    @Autowired
    HoldService holds;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void everyEventTypeIsASchemaValidCloudEventKeyedByPartAndLocationWithParisTimes() {
        // in summer time, so that a UTC instant could not pass for a Paris time by chance
        clock.set(NamedDates.VICTORY_DAY_EVE.instant());
        String part = data.newPart(null);
        String depot = data.depotOf("C040");
        data.stock(part, depot, 4);
        String confirmed = hold(part, "C040", 900);
        api.post("/api/v1/holds/" + confirmed + "/confirm", null);
        api.post("/api/v1/holds/" + confirmed + "/release", null);
        String lapsing = hold(part, "C040", 30);
        clock.advance(Duration.ofSeconds(31));
        holds.expireLapsed(1000);

        // PartHeld x2, StockLevelChanged x5, PartAllocated, TransferOrdered, PartHoldReleased, PartHoldExpired
        List<Event> events = TopicReader.read(bootstrap, "supplychain.events", k -> k.startsWith(part + "@"), 11,
                Duration.ofSeconds(60));

        assertThat(events).extracting(Event::name).containsOnly("PartHeld", "StockLevelChanged", "PartAllocated",
                "TransferOrdered", "PartHoldReleased", "PartHoldExpired").hasSize(11);
        assertThat(events).extracting(Event::name).contains("PartHeld", "StockLevelChanged", "PartAllocated",
                "TransferOrdered", "PartHoldReleased", "PartHoldExpired");
        assertThat(events).extracting(Event::key).containsOnly(part + "@" + depot);
        for (Event e : events) {
            assertThat(CloudEventChecks.checkTraced(e.record(), SOURCE)).isEqualTo("io.glasslink.supplychain." + e.name() + ".v1");
            assertThat(EventSchemas.validate(e.name(), e.value())).as(e.name() + " " + e.value()).isEmpty();
            assertThat(e.value()).contains("\"eventId\":\"" + e.headers().get("ce_id") + "\"");
            // the distributed-tracing extension: the span that sent it, the same as the record's traceparent
            assertThat(e.headers().get("ce_traceparent")).as("ce_traceparent of " + e.name())
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isEqualTo(e.headers().get("traceparent"));
            assertThat(OffsetDateTime.parse(e.headers().get("ce_time"))).as("ce_time of " + e.name())
                    .isBetween(NamedDates.VICTORY_DAY_EVE.at(), OffsetDateTime.now(clock));
            EventSchemas.checkParisTimes(e);
        }
        assertThat(events).filteredOn(e -> e.name().equals("PartHeld"))
                .extracting(e -> e.headers().get("ce_subject")).containsExactlyInAnyOrder(confirmed, lapsing);
        assertThat(events).filteredOn(e -> e.name().equals("PartHoldExpired"))
                .extracting(e -> e.headers().get("ce_subject")).containsExactly(lapsing);
        assertThat(events).filteredOn(e -> e.name().equals("StockLevelChanged"))
                .extracting(e -> e.headers().get("ce_subject")).containsOnly(part + "@" + depot);
    }

    private String hold(String part, String centre, int ttlSeconds) {
        return api.post("/api/v1/holds", "{\"bookingReference\":\"BK-" + UUID.randomUUID() + "\",\"partNumber\":\"" + part
                + "\",\"quantity\":1,\"centreId\":\"" + centre + "\",\"ttlSeconds\":" + ttlSeconds + "}").text("/holdId");
    }
}
