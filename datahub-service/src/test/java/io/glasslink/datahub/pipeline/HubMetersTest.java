package io.glasslink.datahub.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestHttp;
import io.glasslink.datahub.TestKafka;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the hub's meters show on {@code /actuator/prometheus} (the open scrape) after the behaviour that drives them:
 * each is there with its description ({@code # HELP}) and its tags.
 */
@HubSpringTest
class HubMetersTest {

    private static final String BOOKING_CONFIRMED = "io.glasslink.booking.BookingConfirmed.v1";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void aValidARepeatedAnInvalidAndAnUnreadableEventShowOnTheScrapeWithTheirDescriptions() throws Exception {
        String run = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
        String data = new ObjectMapper().readTree(new ClassPathResource("producer-samples.json").getInputStream()).get(BOOKING_CONFIRMED).toString();
        CloudEvent valid = TestEvents.event(BOOKING_CONFIRMED, run + "-GL-METER01", now, data);
        TestKafka.send(List.of(
                TestEvents.record("booking.events", valid),
                TestEvents.record("booking.events", valid),
                TestEvents.record("booking.events", TestEvents.event(BOOKING_CONFIRMED, run + "-GL-METER02", now, "{\"bookingReference\":1}")),
                TestKafka.raw("booking.events", run + "-GL-METER03", "{\"not\":\"a cloudevent\"}")));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            String scrape = TestHttp.get(port, "/actuator/prometheus").body();
            sample(scrape, "datahub_events_dead_lettered_total", "topic=\"booking.events\"", "reason=\"schema-violation\"");
            sample(scrape, "datahub_events_dead_lettered_total", "topic=\"booking.events\"", "reason=\"unparseable\"");
            sample(scrape, "datahub_events_duplicates_total", "topic=\"booking.events\"");
            sample(scrape, "datahub_events_forwarded_total", "sink=\"booking.notifications\"");
            sample(scrape, "datahub_lake_freshness_seconds", "dataset=\"booking/BookingConfirmed.v1\"");
            sample(scrape, "datahub_lake_landing_seconds_bucket", "le=\"0.25\"");
            sample(scrape, "datahub_lake_landing_delay_seconds_bucket", "le=\"30.0\"");
            sample(scrape, "kafka_consumer_fetch_manager_records_lag", "topic=\"booking.events\"", "partition=\"0\"");
            for (String family : List.of("datahub_events_dead_lettered_total", "datahub_events_duplicates_total", "datahub_events_forwarded_total",
                    "datahub_lake_freshness_seconds", "datahub_lake_landing_seconds", "datahub_lake_landing_delay_seconds",
                    "kafka_consumer_fetch_manager_records_lag")) {
                assertThat(scrape).as(family + " is described").containsPattern("(?m)^# HELP " + Pattern.quote(family) + " \\S.*$");
            }
        });
    }

    /** Asserts that the scrape has a sample of {@code name} carrying every label given. */
    private static void sample(String scrape, String name, String... labels) {
        assertThat(scrape.lines().filter(l -> l.startsWith(name + "{"))
                .anyMatch(l -> java.util.Arrays.stream(labels).allMatch(label -> l.substring(0, l.lastIndexOf('}')).contains(label))))
                .as(name + " with " + String.join(", ", labels) + " among " + scrape.lines().filter(l -> l.startsWith(name)).limit(4).toList())
                .isTrue();
    }
}
