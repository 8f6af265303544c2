package io.glasslink.datahub.observability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestHttp;
import io.glasslink.datahub.TestKafka;
import io.glasslink.datahub.TestLake;
import io.glasslink.testsupport.RecordedSpans;
import io.glasslink.testsupport.TestClock;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What makes a trace in the hub: an API request (its server span only) and each record's handling with its sends; not
 * the actuator (Prometheus scrapes and health probes) and not housekeeping (idle flushes, uploads, commits, the
 * client-metrics refresh), which runs all the time and usually finds nothing.
 */
@HubSpringTest
class TracingTest {

    @Autowired
    RecordedSpans spans;

    @Autowired
    S3Client s3;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    @Test
    void actuatorCallsMakeNoSpan() throws Exception {
        Set<String> before = traceIds(spans.all());
        String scrape = hex(16);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/liveness", "/actuator/info")) {
            assertThat(TestHttp.get(port, path, "traceparent", "00-" + scrape + "-" + hex(8) + "-01").status()).as(path).isEqualTo(200);
        }
        String request = hex(16);
        assertThat(TestHttp.get(port, "/api/v1/lake/datasets", "traceparent", "00-" + request + "-" + hex(8) + "-01").status())
                .isEqualTo(200);
        // the API call ends after the actuator calls: once its span is recorded, theirs would be too
        spans.ofTrace(request, s -> s.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER), Duration.ofSeconds(10));

        assertThat(spans.ofTrace(scrape)).as("no span continues the scrape's traceparent").isEmpty();
        List<SpanData> started = spans.all().stream().filter(s -> !before.contains(s.getTraceId()) && !isKafka(s)).toList();
        assertThat(started).as("the only new trace is the API request's, and it is its server span alone")
                .allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(request))
                .singleElement().satisfies(s -> assertThat(s.getKind()).isEqualTo(SpanKind.SERVER));
    }

    @Test
    void landingAnEventIsTracedOnlyAsTheRecordsHandlingNotAsHousekeeping() throws Exception {
        Set<String> before = traceIds(spans.all());
        String trace = hex(16);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(TestClock.PARIS));
        CloudEvent event = TestEvents.probeMeasured("trace-" + UUID.randomUUID(), 1, now, 0);
        ProducerRecord<String, byte[]> record = TestEvents.record("hubtest.events", event);
        record.headers().add("traceparent", ("00-" + trace + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));
        TestKafka.send(List.of(record));

        OffsetDateTime utc = now.withOffsetSameInstant(ZoneOffset.UTC);
        String folder = String.format("raw/hubtest/ProbeMeasured.v1/dt=%s/hr=%02d/", utc.toLocalDate(), utc.getHour());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestLake.lines(s3, "hub-test-lake", folder).stream()
                .anyMatch(l -> l.event().get("id").asText().equals(event.getId())));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.committedToEnd(admin, "datahub-test", "hubtest.events", 3));
        }

        List<SpanData> handling = spans.ofTrace(trace, s -> s.stream().anyMatch(span -> span.getKind() == SpanKind.CONSUMER)
                && s.stream().anyMatch(span -> span.getKind() == SpanKind.PRODUCER), Duration.ofSeconds(10));
        assertThat(handling).as("the record's handling: its consumer span and the fan-out send").allMatch(TracingTest::isKafka);
        assertThat(spans.all().stream().filter(s -> !before.contains(s.getTraceId()) && !s.getTraceId().equals(trace)))
                .as("no other trace since the event was sent: its idle flush, upload and commit make none").allMatch(TracingTest::isKafka);
        assertThat(spans.all().stream().filter(s -> !s.getParentSpanContext().isValid()))
                .as("since the hub started, every trace begins with a request or a record, none with housekeeping")
                .allMatch(s -> s.getKind() == SpanKind.SERVER || s.getKind() == SpanKind.CONSUMER);
    }

    private static boolean isKafka(SpanData span) {
        return span.getKind() == SpanKind.CONSUMER || span.getKind() == SpanKind.PRODUCER;
    }

    private static Set<String> traceIds(List<SpanData> spans) {
        return spans.stream().map(SpanData::getTraceId).collect(Collectors.toSet());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
