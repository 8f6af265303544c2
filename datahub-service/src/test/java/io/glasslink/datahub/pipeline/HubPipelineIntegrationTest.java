package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestKafka;
import io.glasslink.datahub.TestLake;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The running hub on real Kafka and the real S3 store: dead letters, fan-out and landing, end to end. */
@HubSpringTest
class HubPipelineIntegrationTest {

    private static final String TOPIC = "hubtest.events";
    static final JsonSchema ENVELOPE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("classpath:glasslink/events/cloudevent-envelope.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    @Autowired
    S3Client s3;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestClock clock;

    @Test
    void deadLettersInvalidRecordsWithReasonAndOriginAndKeepsTheValidOnesFlowing() {
        String run = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.now(clock);
        double before = deadLettered();
        TestKafka.send(List.of(
                TestKafka.raw(TOPIC, run + "-not-a-cloudevent", "{\"hello\":1}"),
                TestEvents.record(TOPIC, TestEvents.event(TestEvents.PROBE_MEASURED, run + "-schema", time, "{\"probeId\":\"x\"}")),
                TestEvents.record(TOPIC, TestEvents.event(TestEvents.PROBE_RESET, run + "-json", time, "{oops")),
                TestEvents.record(TOPIC, TestEvents.probeMeasured(run + "-valid", 1, time, 10))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(run)).hasSize(3));
        Map<String, ConsumerRecord<String, byte[]>> byKey = deadLetters(run).stream()
                .collect(Collectors.toMap(ConsumerRecord::key, Function.identity()));

        ConsumerRecord<String, byte[]> notCloudEvent = byKey.get(run + "-not-a-cloudevent");
        assertThat(header(notCloudEvent, DeadLetters.REASON)).startsWith("unparseable CloudEvent");
        assertThat(header(notCloudEvent, DeadLetters.TOPIC)).isEqualTo(TOPIC);
        assertThat(Integer.parseInt(header(notCloudEvent, DeadLetters.PARTITION))).isBetween(0, 2);
        assertThat(Long.parseLong(header(notCloudEvent, DeadLetters.OFFSET))).isNotNegative();
        assertThat(new String(notCloudEvent.value(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":1}");
        assertThat(header(byKey.get(run + "-schema"), DeadLetters.REASON)).contains("ProbeMeasured.v1 schema");
        assertThat(header(byKey.get(run + "-json"), DeadLetters.REASON)).contains("data is not JSON");
        assertThat(header(byKey.get(run + "-json"), "ce_type")).isEqualTo(TestEvents.PROBE_RESET);
        await().atMost(Duration.ofSeconds(30)).until(() -> landed(run, time).size() == 1);
        assertThat(deadLettered() - before).isGreaterThanOrEqualTo(3);
    }

    @Test
    void fansOutMatchingEventsUnchangedAndLandsEveryValidEventByEventTime() {
        String run = UUID.randomUUID().toString();
        // an hour of its own, years ahead, so the lake folder holds this run's events only
        OffsetDateTime time = OffsetDateTime.of(2031, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusHours(ThreadLocalRandom.current().nextInt(24 * 365)).plusMinutes(5);
        List<CloudEvent> measured = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CloudEvent event = TestEvents.probeMeasured(run + "-p" + (i % 4), i, time.plusSeconds(i), 50);
            measured.add(event);
            records.add(TestEvents.record(TOPIC, event));
        }
        CloudEvent reset = TestEvents.event(TestEvents.PROBE_RESET, run + "-p0", time, "{\"probeId\":\"" + run + "-p0\"}");
        records.add(TestEvents.record(TOPIC, reset));
        TestKafka.send(records);

        await().atMost(Duration.ofSeconds(30)).until(() -> landed(run, time).size() == 20);
        List<TestLake.Line> lines = landed(run, time);
        assertThat(lines).extracting(l -> l.event().get("id").asText())
                .containsExactlyInAnyOrderElementsOf(measured.stream().map(CloudEvent::getId).toList());
        TestLake.Line first = lines.stream().filter(l -> l.event().get("data").get("sequence").asInt() == 0).findFirst().orElseThrow();
        assertThat(first.event().get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.event().get("type").asText()).isEqualTo(TestEvents.PROBE_MEASURED);
        assertThat(first.event().get("subject").asText()).isEqualTo(run + "-p0");
        assertThat(first.event().get("kafkatopic").asText()).isEqualTo(TOPIC);
        assertThat(first.key()).endsWith(".jsonl.gz").contains("+" + first.event().get("kafkapartition").asInt() + "+");
        assertThat(ENVELOPE.validate(first.event())).as("lake line against the published envelope schema").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestLake.lines(s3, "hub-test-lake", folder("ProbeReset.v1", time)).stream()
                .anyMatch(l -> l.event().get("id").asText().equals(reset.getId())));

        await().atMost(Duration.ofSeconds(30)).until(() -> forwarded(run).size() == 20);
        ConsumerRecord<String, byte[]> copy = forwarded(run).stream()
                .filter(r -> header(r, "ce_id").equals(measured.get(0).getId())).findFirst().orElseThrow();
        assertThat(copy.key()).isEqualTo(measured.get(0).getSubject());
        assertThat(copy.value()).isEqualTo(measured.get(0).getData().toBytes());
        assertThat(header(copy, "ce_type")).isEqualTo(TestEvents.PROBE_MEASURED);
        assertThat(header(copy, "ce_dataschema")).isEqualTo(measured.get(0).getDataSchema().toString());
        assertThat(forwarded(run)).noneMatch(r -> header(r, "ce_type").equals(TestEvents.PROBE_RESET));
    }

    @Test
    void theShippedRoutesForwardStockAndSlotEventsToCloudAvailabilityAndBookingEventsToNotifications() throws Exception {
        String run = UUID.randomUUID().toString();
        JsonNode samples = new ObjectMapper().readTree(new ClassPathResource("producer-samples.json").getInputStream());
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
        OffsetDateTime utc = now.withOffsetSameInstant(ZoneOffset.UTC);
        CloudEvent stock = real(samples, "io.glasslink.supplychain.StockLevelChanged.v1", run + "-8585AGNMV@C042", now);
        CloudEvent partHeld = real(samples, "io.glasslink.supplychain.PartHeld.v1", run + "-8585AGNMV@D07", now);
        CloudEvent slot = real(samples, "io.glasslink.planning.SlotHeld.v1", run + "-C042", now);
        CloudEvent booking = real(samples, "io.glasslink.booking.BookingConfirmed.v1", run + "-GL-7K2M9QXP", now);
        TestKafka.send(List.of(TestEvents.record("supplychain.events", stock), TestEvents.record("supplychain.events", partHeld),
                TestEvents.record("planning.events", slot), TestEvents.record("booking.events", booking)));

        await().atMost(Duration.ofSeconds(30)).until(() -> ids("cloud.availability", run).size() == 2);
        assertThat(ids("cloud.availability", run)).containsExactlyInAnyOrder(stock.getId(), slot.getId());
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("booking.notifications", run).contains(booking.getId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestLake.lines(s3, "hub-test-lake",
                        "raw/supplychain/PartHeld.v1/dt=" + utc.toLocalDate() + "/hr=" + String.format("%02d", utc.getHour()) + "/").stream()
                .anyMatch(l -> l.event().get("id").asText().equals(partHeld.getId())));
    }

    private static CloudEvent real(JsonNode samples, String type, String subject, OffsetDateTime time) {
        return TestEvents.event(type, subject, time, samples.get(type).toString());
    }

    private static List<String> ids(String topic, String run) {
        return TestKafka.readAll(topic).stream().filter(r -> r.key() != null && r.key().startsWith(run))
                .map(r -> header(r, "ce_id")).toList();
    }

    private List<TestLake.Line> landed(String run, OffsetDateTime time) {
        return TestLake.lines(s3, "hub-test-lake", folder("ProbeMeasured.v1", time)).stream()
                .filter(l -> l.event().get("subject").asText().startsWith(run)).toList();
    }

    static String folder(String dataset, OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        return String.format("raw/hubtest/%s/dt=%s/hr=%02d/", dataset, utc.toLocalDate(), utc.getHour());
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String run) {
        return TestKafka.readAll("datahub.dlq").stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> forwarded(String run) {
        return TestKafka.readAll("hubtest.fanout").stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList();
    }

    private double deadLettered() {
        // one counter per rule broken
        return meters.find("datahub.events.dead.lettered").tag("topic", TOPIC).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(Objects.requireNonNull(header.value()), StandardCharsets.UTF_8);
    }
}
