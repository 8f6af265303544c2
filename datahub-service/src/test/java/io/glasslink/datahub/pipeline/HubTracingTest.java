package io.glasslink.datahub.pipeline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestKafka;
import io.glasslink.datahub.TestLake;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.TestClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.services.s3.S3Client;

import static io.glasslink.datahub.pipeline.HubPipelineIntegrationTest.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One event's trace through the hub: the producer's {@code traceparent} goes in; the hub's consumer span continues
 * it; the lake line keeps it; the fan-out and dead-letter records carry it on (a new span of the same trace); and
 * the hub's log lines about the record name it, in the plain and the structured formats.
 */
@HubSpringTest
@ExtendWith(OutputCaptureExtension.class)
class HubTracingTest {

    private static final String BOOKING_CONFIRMED = "io.glasslink.booking.BookingConfirmed.v1";
    private static final String SOURCE = "/glasslink/datahub-tests";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    S3Client s3;

    @Autowired
    TestClock clock;

    @Test
    void anEventsTraceIdGoesInWithTheProducerAndComesOutOnTheLakeLineAndTheFanOutRecord() throws Exception {
        String run = UUID.randomUUID().toString();
        Trace producer = Trace.random();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
        CloudEvent event = CloudEventBuilder.v1(booking(run + "-GL-TRACE01", now)).withExtension("traceparent", producer.traceparent()).build();
        ProducerRecord<String, byte[]> record = TestEvents.record("booking.events", event);
        record.headers().add("traceparent", producer.traceparent().getBytes(StandardCharsets.UTF_8));
        TestKafka.send(List.of(record));

        TestLake.Line line = await().atMost(Duration.ofSeconds(30)).until(() -> lakeLine("booking/BookingConfirmed.v1", now, event.getId()),
                java.util.Objects::nonNull);
        assertThat(line.event().get("traceparent").asText()).as("the lake line keeps the event's traceparent").isEqualTo(producer.traceparent());
        assertThat(HubPipelineIntegrationTest.ENVELOPE.validate(line.event())).as("lake line against the published envelope schema").isEmpty();

        ConsumerRecord<String, byte[]> forwarded = await().atMost(Duration.ofSeconds(30))
                .until(() -> withId("booking.notifications", run, event.getId()), java.util.Objects::nonNull);
        CloudEventChecks.check(forwarded, SOURCE);
        assertThat(header(forwarded, "ce_traceparent")).as("the CloudEvent is forwarded unchanged").isEqualTo(producer.traceparent());
        Trace hop = Trace.parse(header(forwarded, "traceparent"));
        assertThat(hop.traceId()).as("the forwarded record continues the producer's trace").isEqualTo(producer.traceId());
        assertThat(hop.spanId()).as("from the hub's own producer span").isNotEqualTo(producer.spanId());
    }

    @Test
    void aLakeLineTakesTheRecordsTraceparentWhenTheEventCarriesNoneOfItsOwn() throws Exception {
        String run = UUID.randomUUID().toString();
        Trace producer = Trace.random();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
        CloudEvent event = booking(run + "-GL-TRACE02", now);
        ProducerRecord<String, byte[]> record = TestEvents.record("booking.events", event);
        record.headers().add("traceparent", producer.traceparent().getBytes(StandardCharsets.UTF_8));
        TestKafka.send(List.of(record));

        TestLake.Line line = await().atMost(Duration.ofSeconds(30)).until(() -> lakeLine("booking/BookingConfirmed.v1", now, event.getId()),
                java.util.Objects::nonNull);
        assertThat(line.event().get("traceparent").asText()).isEqualTo(producer.traceparent());
    }

    @Test
    void aDeadLetterCarriesTheTraceOnAndItsLogLineNamesTheTraceInPlainAndStructuredFormats(CapturedOutput output) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger lane = logging.getLogger(Lane.class);
        List<String> formats = List.of("ecs", "logstash", "gelf");
        List<ByteArrayOutputStream> structured = formats.stream().map(f -> new ByteArrayOutputStream()).toList();
        List<OutputStreamAppender<ILoggingEvent>> appenders = new java.util.ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            StructuredLogEncoder encoder = new StructuredLogEncoder();
            encoder.setContext(logging);
            encoder.setFormat(formats.get(i));
            encoder.start();
            OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
            appender.setContext(logging);
            appender.setEncoder(encoder);
            appender.setOutputStream(structured.get(i));
            appender.start();
            lane.addAppender(appender);
            appenders.add(appender);
        }
        try {
            String run = UUID.randomUUID().toString();
            Trace producer = Trace.random();
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
            CloudEvent broken = TestEvents.event(BOOKING_CONFIRMED, run + "-GL-BROKEN", now, "{\"bookingReference\":42}");
            ProducerRecord<String, byte[]> record = TestEvents.record("booking.events", broken);
            record.headers().add("traceparent", producer.traceparent().getBytes(StandardCharsets.UTF_8));
            TestKafka.send(List.of(record));

            ConsumerRecord<String, byte[]> deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(() -> withId("datahub.dlq", run, broken.getId()), java.util.Objects::nonNull);
            Trace hop = Trace.parse(header(deadLetter, "traceparent"));
            assertThat(hop.traceId()).as("the dead letter continues the producer's trace").isEqualTo(producer.traceId());
            assertThat(hop.spanId()).isNotEqualTo(producer.spanId());

            String where = "dead-lettered booking.events-" + header(deadLetter, DeadLetters.PARTITION) + "@" + header(deadLetter, DeadLetters.OFFSET) + " ";
            String plain = output.getAll().lines().filter(l -> l.contains(where)).findFirst().orElseThrow();
            assertThat(plain).as("the plain line's correlation: [application,traceId,spanId]")
                    .containsPattern("\\[datahub-service," + producer.traceId() + ",[0-9a-f]{16}\\]");
            for (int i = 0; i < formats.size(); i++) {
                String format = formats.get(i);
                JsonNode json = structured.get(i).toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(where))
                        .map(HubTracingTest::json).findFirst().orElseThrow(() -> new AssertionError("no " + format + " line"));
                String prefix = format.equals("gelf") ? "_" : "";
                assertThat(json.path(prefix + "traceId").asText()).as(format + " traceId").isEqualTo(producer.traceId());
                assertThat(json.path(prefix + "spanId").asText()).as(format + " spanId").matches("[0-9a-f]{16}");
            }
        } finally {
            appenders.forEach(a -> {
                lane.detachAppender(a);
                a.stop();
            });
        }
    }

    private CloudEvent booking(String reference, OffsetDateTime time) throws Exception {
        JsonNode samples = JSON.readTree(new ClassPathResource("producer-samples.json").getInputStream());
        return TestEvents.event(BOOKING_CONFIRMED, reference, time, samples.get(BOOKING_CONFIRMED).toString());
    }

    private TestLake.Line lakeLine(String dataset, OffsetDateTime time, String id) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        String folder = String.format("raw/%s/dt=%s/hr=%02d/", dataset, utc.toLocalDate(), utc.getHour());
        return TestLake.lines(s3, "hub-test-lake", folder).stream().filter(l -> l.event().get("id").asText().equals(id)).findFirst().orElse(null);
    }

    private static ConsumerRecord<String, byte[]> withId(String topic, String run, String id) {
        return TestKafka.readAll(topic).stream().filter(r -> r.key() != null && r.key().startsWith(run) && id.equals(header(r, "ce_id")))
                .findFirst().orElse(null);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** A W3C trace context. */
    record Trace(String traceId, String spanId) {

        static Trace random() {
            HexFormat hex = HexFormat.of();
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            ThreadLocalRandom.current().nextBytes(trace);
            ThreadLocalRandom.current().nextBytes(span);
            return new Trace(hex.formatHex(trace), hex.formatHex(span));
        }

        static Trace parse(String traceparent) {
            assertThat(traceparent).as("a W3C traceparent").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            String[] parts = traceparent.split("-");
            return new Trace(parts[1], parts[2]);
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }
}
