package io.glasslink.supplychain.observability;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.events.TopicReader;
import io.glasslink.supplychain.events.TopicReader.Event;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.RecordedSpans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the caller's {@code traceparent} through the request to the events it caused: the server
 * span continues the caller's trace, each event's producer span is a child of that request (the outbox sends
 * after the commit, on another thread), and each event names its producer span in {@code ce_traceparent}. Database
 * statements are spans inside the request or job that runs them and never start a trace; a hold-expiry run is a trace of
 * its own. The actuator makes no span.
 */
@SupplyChainIntegrationTest
class TracingTests extends ApiTestSupport {

    @Autowired
    RecordedSpans spans;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    List<ScheduledTaskHolder> scheduled;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void theEventsOfAHoldAreSentInTheCallersTraceAsChildrenOfTheRequestEachNamingItsProducerSpan() throws Exception {
        String part = data.newPart(null);
        data.stock(part, "C041", 3);
        String trace = hex(16);
        String callerSpan = hex(8);
        String reference = "BK-" + UUID.randomUUID();

        Answer held = api.exchange(http -> http.post().uri("/api/v1/holds")
                .header("X-Glasslink-Identity", api.token())
                .header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .body(holdBody(reference, part, "C041")));

        assertThat(held.status()).isEqualTo(201);
        // PartHeld and StockLevelChanged
        List<Event> events = TopicReader.read(bootstrap, "supplychain.events", k -> k.equals(part + "@C041"), 2,
                Duration.ofSeconds(30));
        List<SpanData> traced = spans.ofTrace(trace, s -> RecordedSpans.atLeast(s, SpanKind.PRODUCER, 2),
                Duration.ofSeconds(30));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow(
                () -> new AssertionError("no server span in trace " + trace + ": " + traced));
        List<SpanData> producers = traced.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).toList();

        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(RecordedSpans.attribute(server, "booking.reference")).isEqualTo(reference);
        assertThat(producers).hasSize(2).allSatisfy(p -> assertThat(p.getParentSpanId()).isEqualTo(server.getSpanId()));
        assertThat(events).hasSize(2);
        for (Event e : events) {
            CloudEventChecks.checkTraced(e.record(), "/glasslink/supply-chain-service");
            String ceTraceparent = e.headers().get("ce_traceparent");
            assertThat(ceTraceparent).isEqualTo(e.headers().get("traceparent"));
            String[] fields = ceTraceparent.split("-");
            assertThat(fields[1]).as("trace of " + e.name()).isEqualTo(trace);
            assertThat(producers).extracting(SpanData::getSpanId).contains(fields[2]);
        }
    }

    @Test
    void spansNameNoCallerIdentity() throws Exception {
        String trace = hex(16);
        String subject = "partner-" + UUID.randomUUID();
        String token = io.glasslink.testsupport.GatewayTokens.token(clock, "supply-chain-service", subject);

        Answer makes = api.exchange(http -> http.get().uri("/api/v1/vehicles/makes")
                .header("X-Glasslink-Identity", token)
                .header("traceparent", "00-" + trace + "-" + hex(8) + "-01"));

        assertThat(makes.status()).isEqualTo(200);
        List<SpanData> traced = spans.ofTrace(trace, s -> RecordedSpans.atLeast(s, SpanKind.SERVER, 1), Duration.ofSeconds(10));
        assertThat(traced).isNotEmpty();
        for (SpanData span : traced) {
            Map<?, ?> attributes = span.getAttributes().asMap();
            assertThat(attributes.toString()).as(span.getName()).doesNotContain(subject, token);
        }
    }

    @Test
    void actuatorCallsMakeNoSpan() throws Exception {
        String scrape = hex(16);
        for (String path : List.of("/actuator/prometheus", "/actuator/health")) {
            Answer answer = api.exchange(http -> http.get().uri(path).header("traceparent", "00-" + scrape + "-" + hex(8) + "-01"));
            assertThat(answer.status()).as(path).isEqualTo(200);
        }
        String request = hex(16);
        api.exchange(http -> http.get().uri("/api/v1/vehicles/makes").header("X-Glasslink-Identity", api.token())
                .header("traceparent", "00-" + request + "-" + hex(8) + "-01"));
        // the API call ends after the actuator calls: once its span is recorded, theirs would be too
        spans.ofTrace(request, s -> RecordedSpans.atLeast(s, SpanKind.SERVER, 1), Duration.ofSeconds(10));
        assertThat(spans.ofTrace(scrape)).isEmpty();
    }

    @Test
    void aRequestsDatabaseStatementsAreSpansInsideItsServerSpan() throws Exception {
        String trace = hex(16);
        api.exchange(http -> http.get().uri("/api/v1/holds/{id}", UUID.randomUUID()).header("X-Glasslink-Identity", api.token())
                .header("traceparent", "00-" + trace + "-" + hex(8) + "-01"));

        List<SpanData> traced = spans.ofTrace(trace, s -> RecordedSpans.atLeast(s, SpanKind.SERVER, 1)
                && s.stream().anyMatch(TracingTests::isStatement), Duration.ofSeconds(10));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(traced.stream().filter(TracingTests::isStatement)).isNotEmpty().allSatisfy(statement ->
                assertThat(ancestors(statement, traced)).as("the statement belongs to the request").contains(server.getSpanId()));
        assertThat(traced).as("no span per connection or result set")
                .noneMatch(s -> s.getName().equals("connection") || s.getName().equals("result-set"));
    }

    @Test
    void aDatabaseStatementOutsideAnyRequestOrJobStartsNoTrace() throws Exception {
        jdbc.sql("select ?::text").param("untraced-" + UUID.randomUUID()).query(String.class).single();
        Observation.createNotStarted("test.work", observations).observe(
                () -> jdbc.sql("select ?::text").param("traced-" + UUID.randomUUID()).query(String.class).single());

        SpanData work = waitForSpan("test.work");
        assertThat(spans.ofTrace(work.getTraceId())).as("a statement inside an observation is a span")
                .anyMatch(TracingTests::isStatement);
        assertThat(spans.all()).as("no trace starts with a statement")
                .noneMatch(s -> isStatement(s) && s.getParentSpanId().equals(SpanId.getInvalid()));
    }

    @Test
    void aHoldExpiryRunIsATraceWhoseStatementsAndEventsBelongToIt() throws Exception {
        String part = data.newPart(null);
        data.stock(part, "C043", 1);
        Answer held = api.post("/api/v1/holds", "{\"bookingReference\":\"BK-" + UUID.randomUUID() + "\",\"partNumber\":\""
                + part + "\",\"quantity\":1,\"centreId\":\"C043\",\"ttlSeconds\":30}");
        String holdId = held.text("/holdId");
        clock.advance(Duration.ofSeconds(31));

        scheduledJob("HoldExpiry.expireLapsedHolds").run();

        Event expired = TopicReader.read(bootstrap, "supplychain.events", k -> k.equals(part + "@C043"),
                        found -> found.stream().anyMatch(e -> e.name().equals("PartHoldExpired")), Duration.ofSeconds(30))
                .stream().filter(e -> e.name().equals("PartHoldExpired")).findFirst().orElseThrow();
        assertThat(expired.headers().get("ce_subject")).isEqualTo(holdId);
        CloudEventChecks.checkTraced(expired.record(), "/glasslink/supply-chain-service");
        String[] ceTraceparent = expired.headers().get("ce_traceparent").split("-");
        List<SpanData> traced = spans.ofTrace(ceTraceparent[1],
                s -> s.stream().anyMatch(span -> span.getSpanId().equals(ceTraceparent[2])), Duration.ofSeconds(30));
        SpanData job = traced.stream().filter(s -> s.getParentSpanId().equals(SpanId.getInvalid())).findFirst().orElseThrow();
        assertThat(job.getName()).as("the trace starts with the job's run").isEqualTo("task holdExpiry.expireLapsedHolds");
        SpanData producer = traced.stream().filter(s -> s.getSpanId().equals(ceTraceparent[2])).findFirst().orElseThrow();
        assertThat(ancestors(producer, traced)).as("the send belongs to the run").contains(job.getSpanId());
        assertThat(traced.stream().filter(TracingTests::isStatement)).as("the run's statements are its spans").isNotEmpty()
                .allSatisfy(statement -> assertThat(ancestors(statement, traced)).contains(job.getSpanId()));
    }

    /** The task Spring schedules for {@code Class.method}, run here as the scheduler runs it (observed). */
    private Runnable scheduledJob(String classAndMethod) {
        return scheduled.stream().flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask().getRunnable())
                .filter(r -> r.toString().endsWith(classAndMethod)).findFirst().orElseThrow();
    }

    private SpanData waitForSpan(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var found = spans.all().stream().filter(s -> s.getName().equals(name)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no span " + name);
    }

    private static boolean isStatement(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getName().equals("query");
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

    static String holdBody(String reference, String part, String centre) {
        return "{\"bookingReference\":\"" + reference + "\",\"partNumber\":\"" + part + "\",\"quantity\":1,\"centreId\":\""
                + centre + "\"}";
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
