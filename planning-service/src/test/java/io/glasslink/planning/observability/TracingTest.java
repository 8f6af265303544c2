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
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.RecordedSpans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanId;
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
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the caller's {@code traceparent} through a hold to its event: the server span continues the caller's
 * trace, the event's producer span is a child of that request (the outbox sends after the commit, on another thread),
 * and the event names its producer span in {@code ce_traceparent}. Database statements are spans inside the request
 * or job that runs them, and never start a trace; a hold-expiry run is a trace of its own. The actuator makes no span.
 */
class TracingTest extends PlanningIntegrationTest {

    @Autowired
    RecordedSpans spans;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    List<ScheduledTaskHolder> scheduled;

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

    @Test
    void aRequestsDatabaseStatementsAreSpansInsideItsServerSpan() throws Exception {
        String trace = hex(16);
        api().get().uri("/api/v1/appointments/{id}", UUID.randomUUID()).header("traceparent", "00-" + trace + "-" + hex(8) + "-01")
                .retrieve().toBodilessEntity();

        List<SpanData> traced = spans.ofTrace(trace, s -> s.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER)
                && s.stream().anyMatch(TracingTest::isStatement), Duration.ofSeconds(10));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        List<SpanData> statements = traced.stream().filter(TracingTest::isStatement).toList();
        assertThat(statements).allSatisfy(statement -> assertThat(ancestors(statement, traced))
                .as("the statement belongs to the request").contains(server.getSpanId()));
        assertThat(traced).as("no span per connection or result set")
                .noneMatch(s -> s.getName().equals("connection") || s.getName().equals("result-set"));
    }

    @Test
    void aDatabaseStatementOutsideAnyRequestOrJobStartsNoTrace() throws Exception {
        String untraced = "untraced-" + UUID.randomUUID();
        jdbc.queryForObject("select ?::text", String.class, untraced);
        String traced = "traced-" + UUID.randomUUID();
        Observation.createNotStarted("test.work", observations).observe(
                () -> jdbc.queryForObject("select ?::text", String.class, traced));

        waitFor(() -> spans.all().stream().anyMatch(s -> s.getName().equals("test.work")));
        assertThat(spans.all()).as("a statement inside an observation is a span").anyMatch(s -> isStatement(s)
                && s.getTraceId().equals(spans.all().stream().filter(w -> w.getName().equals("test.work")).findFirst()
                        .orElseThrow().getTraceId()));
        assertThat(spans.all().stream().filter(s -> s.getParentSpanId().equals(SpanId.getInvalid()) && isStatement(s)))
                .as("no trace starts with a statement").isEmpty();
    }

    @Test
    void aHoldExpiryRunIsATraceWhoseStatementsAndHoldExpiredEventsBelongToIt() throws Exception {
        String start = (String) slots("C062", "CHIP_REPAIR", dayWithSlots("C062", "CHIP_REPAIR", 5)).get(0).get("start");
        String appointmentId = (String) hold("TRJ-" + UUID.randomUUID(), "C062", "CHIP_REPAIR", start).getBody().get("appointmentId");
        jdbc.update("update appointment set expires_at = ? where appointment_id = ?::uuid",
                java.time.OffsetDateTime.ofInstant(CLOCK.instant().minusSeconds(1), java.time.ZoneOffset.UTC), appointmentId);

        scheduledJob("HoldExpiryJob.expireDueHolds").run();

        ConsumerRecord<String, byte[]> event = event("io.glasslink.planning.HoldExpired.v1", appointmentId);
        CloudEventChecks.checkTraced(event, "/glasslink/planning-service");
        String[] ceTraceparent = header(event, "ce_traceparent").split("-");
        List<SpanData> traced = spans.ofTrace(ceTraceparent[1], s -> s.stream().anyMatch(span -> span.getSpanId().equals(ceTraceparent[2])),
                Duration.ofSeconds(30));
        SpanData job = traced.stream().filter(s -> s.getParentSpanId().equals(SpanId.getInvalid())).findFirst().orElseThrow();
        assertThat(job.getName()).as("the trace starts with the job's run").isEqualTo("task holdExpiryJob.expireDueHolds");
        SpanData producer = traced.stream().filter(s -> s.getSpanId().equals(ceTraceparent[2])).findFirst().orElseThrow();
        assertThat(ancestors(producer, traced)).as("the send belongs to the run").contains(job.getSpanId());
        assertThat(traced.stream().filter(TracingTest::isStatement)).as("the run's statements are its spans").isNotEmpty()
                .allSatisfy(statement -> assertThat(ancestors(statement, traced)).contains(job.getSpanId()));
    }

    /** The task Spring schedules for {@code Class.method}, run here as the scheduler runs it (observed). */
    private Runnable scheduledJob(String classAndMethod) {
        return scheduled.stream().flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask().getRunnable())
                .filter(r -> r.toString().endsWith(classAndMethod)).findFirst().orElseThrow();
    }

    private static boolean isStatement(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getName().equals("query");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
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
        return event("io.glasslink.planning.SlotHeld.v1", appointmentId);
    }

    private ConsumerRecord<String, byte[]> event(String type, String subject) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "tracing-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("planning.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(header(r, "ce_subject")) && type.equals(header(r, "ce_type"))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for " + subject);
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
