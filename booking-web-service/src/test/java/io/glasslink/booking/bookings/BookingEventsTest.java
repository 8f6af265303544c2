package io.glasslink.booking.bookings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.testsupport.CloudEventChecks;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** What the service publishes on booking.events: CloudEvents binary mode, valid against the JSON Schemas. */
class BookingEventsTest extends IntegrationTest {

    static final Path SCHEMAS = Path.of("../infra/event-contracts/src/main/resources/glasslink/events/booking");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    BookingService service;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void everyBookingEventIsACloudEventMatchingItsSchema() throws Exception {
        Booking confirmed = service.book(BookingSagaTest.replacement());
        Booking moved = service.reschedule(service.find(confirmed.reference()).orElseThrow(),
                GATEWAY.slotStart(2, 9));
        service.cancel(moved);
        GATEWAY.refusePart(true);
        Booking failed = service.book(BookingSagaTest.replacement());
        Set<String> refs = Set.of(confirmed.reference(), failed.reference());

        List<ConsumerRecord<String, byte[]>> records = consume(refs, 6);
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactlyInAnyOrder(
                "io.glasslink.booking.BookingRequested.v1", "io.glasslink.booking.BookingConfirmed.v1",
                "io.glasslink.booking.BookingRescheduled.v1", "io.glasslink.booking.BookingCancelled.v1",
                "io.glasslink.booking.BookingRequested.v1", "io.glasslink.booking.BookingFailed.v1");
        for (ConsumerRecord<String, byte[]> r : records) {
            String type = CloudEventChecks.checkTraced(r, "/glasslink/booking-web-service");
            String name = type.replace("io.glasslink.booking.", "").replace(".v1", "");
            assertThat(header(r, "ce_subject")).isEqualTo(r.key());
            Set<ValidationMessage> errors = schema(name).validate(JSON.readTree(r.value()));
            assertThat(errors).as(name + " " + new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
            // every time in the data carries the Paris offset too
            JsonNode data = JSON.readTree(r.value());
            for (String field : new String[] {"occurredAt", "start", "end", "previousStart"}) {
                if (data.hasNonNull(field)) {
                    CloudEventChecks.checkParisTime(data.get(field).asText(), name + "." + field);
                }
            }
        }
        assertThat(records).extracting(r -> header(r, "ce_id")).doesNotHaveDuplicates();
    }

    @Test
    void schemasRejectAnEventMissingItsBookingReference() throws Exception {
        JsonNode event = JSON.readTree("{\"reason\":\"SLOT_GONE\",\"occurredAt\":\"2026-12-01T10:00:00Z\"}");
        assertThat(schema("BookingFailed").validate(event)).isNotEmpty();
    }

    private List<ConsumerRecord<String, byte[]>> consume(Set<String> refs, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("booking.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (refs.contains(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name + ".v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
