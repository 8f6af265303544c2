package io.glasslink.booking.observability;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.booking.support.Prometheus;
import io.glasslink.booking.support.RawHttp;
import io.glasslink.booking.support.RawHttp.Answer;
import io.glasslink.booking.support.Requests;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.RecordedSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16, booking-web's share: one partner booking is one trace from the caller's {@code traceparent} through
 * both on-prem calls (the parallel holds included) to its events on Kafka ({@code ce_traceparent}), its database
 * statements spans inside its server span; the read model's
 * listener works in the trace of the record it reads; log lines name
 * the trace; the funnel, saga, degraded-answer and outbox meters are on {@code /actuator/prometheus} with their
 * descriptions after the behaviour that drives them; the gateway's headers fit Tomcat's limit; the ops console can
 * change a logger level, nobody else can.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends IntegrationTest {

    static final String OPS = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("ops:dev-ops-password".getBytes(StandardCharsets.UTF_8));
    static final SecureRandom RANDOM = new SecureRandom();

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    RecordedSpans spans;

    @Test
    void aPartnerBookingIsOneTraceFromTheCallerThroughBothOnPremCallsToItsEvents() {
        String trace = hex(16);
        RawHttp http = new RawHttp(baseUrl());
        Answer made = http.send("POST", "/api/v1/bookings",
                Requests.newBooking("trace@example.com").toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                "X-Glasslink-Identity", TestIdentity.partner("P-TRACE"),
                "traceparent", "00-" + trace + "-" + hex(8) + "-01");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String reference = Requests.JSON.readTree(made.body()).get("reference").asString();

        assertThat(GATEWAY.traceparents()).as("every on-prem call of the saga carries the caller's trace")
                .filteredOn(t -> t.startsWith("POST "))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(t -> assertThat(t).contains("00-" + trace + "-"));
        List<ConsumerRecord<String, byte[]>> events = consume(reference, 2);
        assertThat(events).hasSize(2);
        for (ConsumerRecord<String, byte[]> event : events) {
            CloudEventChecks.checkTraced(event, "/glasslink/booking-web-service");
            assertThat(header(event, "ce_traceparent")).as("the event joins the booking's trace").contains(trace);
        }
    }

    @Test
    void aTracedPartnerBookingsDatabaseStatementsAreSpansUnderItsServerSpan() throws Exception {
        String trace = hex(16);
        Answer made = new RawHttp(baseUrl()).send("POST", "/api/v1/bookings",
                Requests.newBooking("jdbc-spans@example.com").toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                "X-Glasslink-Identity", TestIdentity.partner("P-JDBC"),
                "traceparent", "00-" + trace + "-" + hex(8) + "-01");
        assertThat(made.status()).as(made.body()).isEqualTo(201);

        List<SpanData> traced = spans.ofTrace(trace, s -> s.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER)
                && s.stream().anyMatch(ObservabilityTest::isStatement), Duration.ofSeconds(10));
        SpanData server = traced.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        List<SpanData> statements = traced.stream().filter(ObservabilityTest::isStatement).toList();
        assertThat(statements).as("the booking's inserts and reads are spans").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(statement -> assertThat(ancestors(statement, traced))
                        .as("the statement belongs to the request").contains(server.getSpanId()));
        assertThat(traced).as("no span per connection or result set")
                .noneMatch(s -> s.getName().equals("connection") || s.getName().equals("result-set"));
        assertThat(spans.all()).as("no trace starts with a statement (the outbox backlog read polls every 5 s)")
                .noneMatch(s -> isStatement(s) && !s.getParentSpanContext().isValid());
    }

    @Test
    void aLineLoggedWhileBookingNamesTheTraceAndSpanInThePlainAndEveryStructuredFormat(CapturedOutput output) {
        String trace = hex(16);
        Logger saga = (Logger) LoggerFactory.getLogger("io.glasslink.booking.bookings.BookingSaga");
        Capture capture = new Capture();
        capture.setContext(saga.getLoggerContext());
        capture.start();
        saga.addAppender(capture);
        GATEWAY.linkDown(true);
        try {
            Answer made = new RawHttp(baseUrl()).send("POST", "/api/v1/bookings",
                    Requests.newBooking("logs@example.com").toString().getBytes(StandardCharsets.UTF_8),
                    "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                    "X-Glasslink-Identity", TestIdentity.partner("P-LOGS"),
                    "traceparent", "00-" + trace + "-" + hex(8) + "-01");
            assertThat(made.status()).isEqualTo(201);
        } finally {
            saga.detachAppender(capture);
            capture.stop();
        }
        ILoggingEvent event = capture.events.stream().filter(e -> e.getFormattedMessage().contains("waits for on-prem"))
                .findFirst().orElseThrow();
        String span = event.getMDCPropertyMap().get("spanId");
        assertThat(event.getMDCPropertyMap()).containsEntry("traceId", trace);
        assertThat(span).matches("[0-9a-f]{16}");
        assertThat(output.getOut()).containsPattern("\\[booking-web-service," + trace + "," + span + "\\] .*BookingSaga");
        for (String format : new String[] {"ecs", "logstash", "gelf"}) {
            assertThat(structured(format, event, saga.getLoggerContext())).as(format)
                    .startsWith("{").contains(trace).contains(span).contains("waits for on-prem");
        }
    }

    @Test
    void theReadModelListenerWorksInTheTraceOfTheCloudAvailabilityRecordItReads() throws Exception {
        String trace = hex(16);
        Logger listener = (Logger) LoggerFactory.getLogger(
                "io.glasslink.booking.availability.readmodel.AvailabilityEventsListener");
        Capture capture = new Capture();
        capture.setContext(listener.getLoggerContext());
        capture.start();
        listener.addAppender(capture);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("cloud.availability", "trace-test",
                    "{\"unreadable\": ");
            record.headers().add("ce_type", "io.glasslink.supplychain.StockLevelChanged.v1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("traceparent", ("00-" + trace + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (capture.events.stream().noneMatch(e -> trace.equals(e.getMDCPropertyMap().get("traceId")))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            listener.detachAppender(capture);
            capture.stop();
        }
        assertThat(capture.events).as("the listener's line about the record carries the record's trace")
                .anySatisfy(e -> {
                    assertThat(e.getFormattedMessage()).contains("skipping unreadable");
                    assertThat(e.getMDCPropertyMap()).containsEntry("traceId", trace);
                });
    }

    @Test
    void theFunnelSagaDegradedAndOutboxMetersAreScrapedWithTheirDescriptions() {
        RawHttp http = new RawHttp(baseUrl());
        double confirmedBefore = Prometheus.valueOrZero(scrape(http), "glasslink_bookings_total",
                "channel=\"partner\"", "status=\"CONFIRMED\"");
        Answer made = http.send("POST", "/api/v1/bookings",
                Requests.newBooking("meters@example.com").toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Idempotency-Key", UUID.randomUUID().toString(),
                "X-Glasslink-Identity", TestIdentity.partner("P-METERS"));
        assertThat(made.status()).isEqualTo(201);
        GATEWAY.linkDown(true);
        Answer search = http.send("POST", "/api/v1/availability/search",
                Requests.search().toString().getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                "X-Glasslink-Identity", TestIdentity.partner("P-METERS"));
        assertThat(Requests.JSON.readTree(search.body()).get("provisional").asBoolean()).isTrue();

        String scrape = scrape(http);
        assertThat(Prometheus.value(scrape, "glasslink_bookings_total", "channel=\"partner\"", "status=\"CONFIRMED\""))
                .isEqualTo(confirmedBefore + 1);
        assertThat(Prometheus.value(scrape, "glasslink_booking_saga_duration_seconds_count", "outcome=\"CONFIRMED\""))
                .isGreaterThanOrEqualTo(1);
        for (String le : new String[] {"0.5", "1.0", "2.0", "5.0", "10.0", "30.0", "60.0"}) {
            assertThat(scrape).as("SLO bucket " + le).contains("glasslink_booking_saga_duration_seconds_bucket{")
                    .containsPattern("glasslink_booking_saga_duration_seconds_bucket\\{[^}]*le=\"" + le + "\"");
        }
        assertThat(Prometheus.value(scrape, "glasslink_availability_provisional_total")).isGreaterThanOrEqualTo(1);
        Prometheus.value(scrape, "glasslink_outbox_publications_incomplete");
        Prometheus.value(scrape, "glasslink_outbox_oldest_age_seconds");
        for (String meter : new String[] {"glasslink_bookings_total", "glasslink_booking_saga_duration_seconds",
                "glasslink_availability_provisional_total", "glasslink_outbox_publications_incomplete",
                "glasslink_outbox_oldest_age_seconds"}) {
            assertThat(scrape).containsPattern("(?m)^# HELP " + meter + " \\S+");
        }
    }

    @Test
    void aRequestWithTheGatewaysHeadersOnTopOfEightKilobytesOfTheCallersIsAnswered() {
        List<String> headers = new ArrayList<>(List.of("X-Glasslink-Identity", TestIdentity.partner("P-HEADERS"),
                "traceparent", "00-" + hex(16) + "-" + hex(8) + "-01",
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "glasslink.example", "X-Forwarded-Port", "443",
                "X-Forwarded-For", "203.0.113.7"));
        for (int i = 0; i < 9; i++) {
            headers.add("X-Caller-" + i);
            headers.add("c".repeat(1000));
        }
        Answer answer = new RawHttp(baseUrl()).send("GET", "/api/v1/bookings?page=0", null,
                headers.toArray(String[]::new));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void theOpsCredentialsChangeALoggerLevelLiveAndNobodyElseCan() {
        RawHttp http = new RawHttp(baseUrl());
        byte[] debug = "{\"configuredLevel\":\"DEBUG\"}".getBytes(StandardCharsets.UTF_8);
        String logger = "/actuator/loggers/io.glasslink.booking.availability";
        Answer refused = http.send("POST", logger, debug, "Content-Type", "application/json");
        assertThat(refused.status()).isEqualTo(401);
        refused.problem();
        try {
            assertThat(http.send("POST", logger, debug, "Content-Type", "application/json", "Authorization", OPS)
                    .status()).isEqualTo(204);
            assertThat(Requests.JSON.readTree(http.send("GET", logger, null, "Authorization", OPS).body())
                    .get("configuredLevel").asString()).isEqualTo("DEBUG");
        } finally {
            http.send("POST", logger, "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                    "Authorization", OPS);
        }
    }

    private static String scrape(RawHttp http) {
        return http.send("GET", "/actuator/prometheus", null).body();
    }

    private List<ConsumerRecord<String, byte[]>> consume(String reference, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("booking.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (reference.equals(r.key())) {
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

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }

    private static String structured(String format, ILoggingEvent event, LoggerContext context) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8);
        } finally {
            encoder.stop();
        }
    }

    /** Keeps the events appended, with their MDC as it was on the thread that logged them. */
    static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }

    private static boolean isStatement(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getName().equals("query");
    }

    /** The ids of the span's parent, its parent's parent, ... within the trace. */
    private static List<String> ancestors(SpanData span, List<SpanData> trace) {
        List<String> ids = new ArrayList<>();
        String parent = span.getParentSpanId();
        while (ids.size() < trace.size()) {
            ids.add(parent);
            String current = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(current)).map(SpanData::getParentSpanId)
                    .findFirst().orElse(null);
            if (parent == null) {
                break;
            }
        }
        return ids;
    }

}
