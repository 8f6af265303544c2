package io.glasslink.planning.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.RecordedSpans;
import io.glasslink.testsupport.CloudEventChecks;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
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
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the caller's {@code traceparent} through a hold to its event: the server span continues the caller's
 * trace, the event's producer span is a child of that request (the outbox sends after the commit, on another thread),
 * and the event names its producer span in {@code ce_traceparent}. The actuator makes no span.
 */
class TracingTest extends PlanningIntegrationTest {

    @Autowired
    RecordedSpans spans;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void aHoldContinuesTheCallersTraceAndItsEventIsSentAsAChildOfTheRequestNamingItsProducerSpan() throws Exception {
        String start = (String) slots("C061", "CHIP_REPAIR", dayWithSlots("C061", "CHIP_REPAIR", 5)).get(0).get("start");
        String trace = hex(16);
        String callerSpan = hex(8);
        ResponseEntity<Map<String, Object>> held = api().post().uri("/api/v1/appointments")
                .header("traceparent", "00-" + trace + "-" + callerSpan + "-01").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("bookingReference", "TR-" + UUID.randomUUID(), "jobType", "CHIP_REPAIR", "calibration", false,
                        "centreId", "C061", "mode", "CENTRE", "start", start))
                .retrieve().toEntity(MAP);
        assertThat(held.getStatusCode().value()).isEqualTo(201);
        String appointmentId = (String) held.getBody().get("appointmentId");

        ConsumerRecord<String, byte[]> event = slotHeld(appointmentId);
        String type = CloudEventChecks.checkTraced(event, "/glasslink/planning-service");
        assertThat(type).isEqualTo("io.glasslink.planning.SlotHeld.v1");
        String[] ceTraceparent = header(event, "ce_traceparent").split("-");
        assertThat(header(event, "ce_traceparent")).isEqualTo(header(event, "traceparent"));
        assertThat(ceTraceparent[1]).as("the event's trace is the caller's").isEqualTo(trace);

        List<SpanData> traced = spans.ofTrace(trace, s -> s.stream().anyMatch(span -> span.getSpanId().equals(ceTraceparent[2]))
                && s.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER), Duration.ofSeconds(30));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData producer = traced.stream().filter(s -> s.getSpanId().equals(ceTraceparent[2])).findFirst().orElseThrow();
        assertThat(server.getParentSpanId()).as("the server span continues the caller's").isEqualTo(callerSpan);
        assertThat(producer.getKind()).as("ce_traceparent names the producer span").isEqualTo(SpanKind.PRODUCER);
        assertThat(ancestors(producer, traced)).as("the send belongs to the request").contains(server.getSpanId());
    }

    @Test
    void actuatorCallsMakeNoSpan() throws Exception {
        String scrape = hex(16);
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            assertThat(api().get().uri(path).header("traceparent", "00-" + scrape + "-" + hex(8) + "-01").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        }
        String request = hex(16);
        api().get().uri("/api/v1/appointments/{id}", UUID.randomUUID()).header("traceparent", "00-" + request + "-" + hex(8) + "-01")
                .retrieve().toBodilessEntity();
        // the API call ends after the actuator calls: once its span is recorded, theirs would be too
        spans.ofTrace(request, s -> !s.isEmpty(), Duration.ofSeconds(10));
        assertThat(spans.ofTrace(scrape)).isEmpty();
    }

    /** The ids of the span's parent, its parent's parent, ... within the trace. */
    private static List<String> ancestors(SpanData span, List<SpanData> trace) {
        List<String> ids = new java.util.ArrayList<>();
        for (String parent = span.getParentSpanId(); ids.size() < trace.size() && !ids.contains(parent); ) {
            ids.add(parent);
            String id = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(id)).map(SpanData::getParentSpanId).findFirst().orElse(id);
        }
        return ids;
    }

    private ConsumerRecord<String, byte[]> slotHeld(String appointmentId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "tracing-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("planning.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (appointmentId.equals(header(r, "ce_subject"))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no SlotHeld for " + appointmentId);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
