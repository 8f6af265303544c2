package io.glasslink.planning.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.PlanningTime;
import io.glasslink.planning.appointments.AppointmentService;
import io.glasslink.testsupport.CloudEventChecks;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Every write publishes its event to planning.events as a CloudEvent that matches its JSON Schema and names its producer span. */
class PlanningEventsTest extends PlanningIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    AppointmentService service;

    private String post(String path, Object body) {
        return (String) api().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(MAP)
                .getBody().get("appointmentId");
    }

    @Test
    void everyPlanningEventIsPublishedAsAValidCloudEventKeyedByCentre() {
        String centre = "C070";
        List<Map<String, Object>> slots = slots(centre, "CHIP_REPAIR", dayWithSlots(centre, "CHIP_REPAIR", 5));
        String first = (String) hold("EV-" + UUID.randomUUID(), centre, "CHIP_REPAIR", slots.get(0).get("start")).getBody()
                .get("appointmentId");
        post("/api/v1/appointments/" + first + "/confirm", Map.of());
        post("/api/v1/appointments/" + first + "/reschedule", Map.of("start", slots.get(slots.size() - 1).get("start")));
        post("/api/v1/appointments/" + first + "/cancel", Map.of("reason", "no longer needed"));
        String second = (String) hold("EV-" + UUID.randomUUID(), centre, "CHIP_REPAIR", slots.get(1).get("start")).getBody()
                .get("appointmentId");
        jdbc.update("update appointment set expires_at = ? where appointment_id = ?::uuid",
                java.time.OffsetDateTime.ofInstant(CLOCK.instant().minusSeconds(1), java.time.ZoneOffset.UTC), second);
        service.expireDueHolds();
        String technician = jdbc.queryForObject("select min(technician_id) from technician where home_centre_id = ?", String.class, centre);
        OffsetDateTime from = workday(20).atStartOfDay(PlanningTime.ZONE).toOffsetDateTime();
        api().post().uri("/api/v1/technicians/{t}/absences", technician).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("from", from.toString(), "to", from.plusDays(2).toString(), "reason", "TRAINING"))
                .retrieve().toBodilessEntity();

        Map<String, ConsumerRecord<String, byte[]>> byType = new HashMap<>();
        Set<String> subjects = Set.of(first, second, technician);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of("planning.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (byType.size() < 6 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (subjects.contains(header(r, "ce_subject"))) {
                        byType.put(header(r, "ce_type"), r);
                    }
                }
            }
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder(
                "io.glasslink.planning.SlotHeld.v1", "io.glasslink.planning.AppointmentConfirmed.v1",
                "io.glasslink.planning.AppointmentRescheduled.v1", "io.glasslink.planning.AppointmentCancelled.v1",
                "io.glasslink.planning.HoldExpired.v1", "io.glasslink.planning.TechnicianAbsenceRecorded.v1");
        byType.forEach((type, r) -> {
            String name = type.substring("io.glasslink.planning.".length(), type.length() - ".v1".length());
            assertThat(CloudEventChecks.checkTraced(r, "/glasslink/planning-service")).isEqualTo(type);
            JsonNode data = JSON.readTree(r.value());
            for (String time : List.of("start", "end", "previousStart", "previousEnd", "expiresAt", "from", "to", "occurredAt")) {
                if (data.hasNonNull(time)) {
                    CloudEventChecks.checkParisTime(data.get(time).asString(), name + "." + time);
                }
            }
            assertThat(r.key()).isEqualTo(centre);
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(UUID.fromString(header(r, "ce_id"))).isNotNull();
            assertThat(header(r, "ce_source")).isEqualTo("/glasslink/planning-service");
            assertThat(header(r, "ce_dataschema")).isEqualTo("https://schemas.glasslink.io/events/planning/" + name + ".v1.schema.json");
            assertThat(OffsetDateTime.parse(header(r, "ce_time"))).isNotNull();
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            assertThat(EventSchemas.validate(name, r.value())).as(name + " " + new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
        });
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "planning-events-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static List<String> headerNames(ConsumerRecord<String, byte[]> r) {
        List<String> names = new ArrayList<>();
        r.headers().forEach(h -> names.add(h.key()));
        return names;
    }
}
