package io.glasslink.supplychain.observability;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.glasslink.supplychain.Api.Answer;
import io.glasslink.supplychain.ApiTestSupport;
import io.glasslink.supplychain.RecordedSpans;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.events.TopicReader;
import io.glasslink.supplychain.events.TopicReader.Event;
import io.glasslink.testsupport.CloudEventChecks;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace from the caller's {@code traceparent} through the request to the events it caused: the server
 * span continues the caller's trace, each event's producer span is a child of that request (the outbox sends
 * after the commit, on another thread), and each event names its producer span in {@code ce_traceparent}. The actuator
 * makes no span.
 */
@SupplyChainIntegrationTest
class TracingTests extends ApiTestSupport {

    @Autowired
    RecordedSpans spans;

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
