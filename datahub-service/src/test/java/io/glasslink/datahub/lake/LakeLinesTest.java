package io.glasslink.datahub.lake;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.contracts.EventEnvelope;
import io.glasslink.datahub.contracts.EventSchemas;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.contracts.ValidEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class LakeLinesTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-01T09:30:00+01:00");
    private final EventValidator validator = new EventValidator(EventSchemas.loadFromClasspath());
    private static final JsonMapper BOOTS_MAPPER = bootsMapper();
    private final LakeLines lines = new LakeLines(BOOTS_MAPPER);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesTheStructuredCloudEventWithItsKafkaCoordinatesOnOneLine() throws Exception {
        String line = encode("{\"probeId\":\"p1\",\"sequence\":3,\"value\":1.5,\"measuredAt\":\"2026-12-01T09:30:00+01:00\"}", 42);

        assertThat(line).endsWith("}\n").doesNotContain("\n\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        JsonNode event = json.readTree(line);
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("time").asText()).isEqualTo("2026-12-01T09:30:00+01:00");
        assertThat(event.get("kafkaoffset").asLong()).isEqualTo(42);
        assertThat(event.get("data").get("sequence").asInt()).isEqualTo(3);
    }

    @Test
    void writesTheLineByteForByteWithAttributesEscapedAndTheDataAsTheProducerWroteIt() throws Exception {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.event(TestEvents.PROBE_MEASURED, "caf\u00e9 \"quoted\" \\ tab\t", TIME,
                        "{\"probeId\":\"p/1\",\"sequence\":3,\"value\":1.50,\"measuredAt\":\"2026-12-01T09:30:00+01:00\"}"))
                .withId("0f8c7d1e-4b5a-4c3d-9e2f-1a2b3c4d5e6f").withExtension("partitionkey", "p1").build();
        ValidEvent valid = validator.validate("hubtest.events", event);

        assertThat(new String(lines.encode(valid, "hubtest.events", 1, 42, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                StandardCharsets.UTF_8)).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"0f8c7d1e-4b5a-4c3d-9e2f-1a2b3c4d5e6f\","
                + "\"source\":\"/glasslink/datahub-tests\",\"type\":\"io.glasslink.hubtest.ProbeMeasured.v1\","
                + "\"subject\":\"caf\u00e9 \\\"quoted\\\" \\\\ tab\\t\",\"time\":\"2026-12-01T09:30:00+01:00\","
                + "\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"https://schemas.glasslink.io/events/hubtest/ProbeMeasured.v1.schema.json\","
                + "\"partitionkey\":\"p1\",\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                + "\"kafkatopic\":\"hubtest.events\",\"kafkapartition\":1,\"kafkaoffset\":42,"
                + "\"data\":{\"probeId\":\"p/1\",\"sequence\":3,\"value\":1.50,\"measuredAt\":\"2026-12-01T09:30:00+01:00\"}}\n");
    }

    @Test
    void writesNumberAndBooleanExtensionsAsJsonNumbersAndBooleans() throws Exception {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0))
                .withExtension("attempt", 3).withExtension("replayed", true).build();

        JsonNode line = json.readTree(lines.encode(validator.validate("hubtest.events", event), "hubtest.events", 0, 1));
        assertThat(line.get("attempt").isIntegralNumber()).isTrue();
        assertThat(line.get("attempt").asInt()).isEqualTo(3);
        assertThat(line.get("replayed").isBoolean()).isTrue();
        assertThat(line.get("replayed").asBoolean()).isTrue();
    }

    @Test
    void compactsPrettyPrintedDataKeepingEveryNumberExactlyAsWritten() throws Exception {
        String line = encode("{\n  \"probeId\" : \"p1\",\n  \"sequence\" : 12345678901234567890123,\n"
                + "  \"value\" : 0.10000000000000000555,\n  \"measuredAt\" : \"2026-12-01T09:30:00Z\"\n}", 7);

        assertThat(line).endsWith(",\"data\":{\"probeId\":\"p1\",\"sequence\":12345678901234567890123,"
                + "\"value\":0.10000000000000000555,\"measuredAt\":\"2026-12-01T09:30:00Z\"}}\n");
    }

    @Test
    void aLineLongerThanTheFirstBufferIsWrittenWholeAndTheNextShortOneAfterIt() throws Exception {
        ValidEvent big = validator.validate("hubtest.events", TestEvents.probeMeasured("big", 1, TIME, 20_000));
        ValidEvent small = validator.validate("hubtest.events", TestEvents.probeMeasured("small", 2, TIME, 0));

        JsonNode line = json.readTree(lines.encode(big, "hubtest.events", 0, 1));
        assertThat(line.get("data").get("note").asText()).hasSize(20_000);
        assertThat(json.readTree(lines.encode(small, "hubtest.events", 0, 2)).get("data").get("probeId").asText()).isEqualTo("small");
    }

    @Test
    void compactsPrettyPrintedDataSoThatALineStaysOneEvent() throws Exception {
        String line = encode("{\n  \"probeId\" : \"p1\",\n  \"sequence\" : 4,\n  \"value\" : 2,\n  \"measuredAt\" : \"2026-12-01T09:30:00Z\"\n}", 7);

        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(json.readTree(line).get("data").get("sequence").asInt()).isEqualTo(4);
    }

    @Test
    void consecutiveLinesAreIndependentAlthoughTheEncoderReusesItsBuffer() throws Exception {
        String first = encode("{\"probeId\":\"first\",\"sequence\":1,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}", 1);
        String second = encode("{\"probeId\":\"second\",\"sequence\":2,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}", 2);

        assertThat(json.readTree(first).get("data").get("probeId").asText()).isEqualTo("first");
        assertThat(json.readTree(second).get("data").get("probeId").asText()).isEqualTo("second");
        assertThat(second).doesNotContain("first");
    }

    @Test
    void keepsEveryLineOneEventWhereverTheDataHasLineBreaksOrEscapedOnes() throws Exception {
        String[] layouts = {"{%s\"probeId\":\"p\\n1\",\"sequence\":5,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}",
                "{\"probeId\":\"p\\n1\",%s\"sequence\":5,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}",
                "{\"probeId\":\"p\\n1\",\"sequence\":5,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}%s",
                "%s{\"probeId\":\"p\\n1\",\"sequence\":5,\"value\":1,\"measuredAt\":\"2026-12-01T09:30:00Z\"}"};
        for (String layout : layouts) {
            for (String space : new String[] {"", "\n", "\r", "\r\n", " \t "}) {
                String line = encode(layout.formatted(space), 3);
                assertThat(line.indexOf('\n')).as("%s with %s", layout, space.replace("\n", "LF").replace("\r", "CR")).isEqualTo(line.length() - 1);
                assertThat(line).doesNotContain("\r");
                assertThat(json.readTree(line).get("data").get("probeId").asText()).isEqualTo("p\n1");
            }
        }
    }

    @Test
    void keepsTheTimeAsTheProducerWroteIt() throws Exception {
        EventEnvelope read = EventEnvelope.of(TestEvents.probeMeasured("p1", 1, TIME, 0));
        EventEnvelope asWritten = new EventEnvelope(read.specversion(), read.id(), read.source(), read.type(), read.subject(),
                read.time(), "2026-12-01T09:30:00.000+01:00", read.datacontenttype(), read.dataschema(), read.data(), read.extensions());
        ValidEvent valid = validator.validate("hubtest.events", asWritten);
        String line = new String(lines.encode(valid, "hubtest.events", 0, 0), StandardCharsets.UTF_8);

        assertThat(json.readTree(line).get("time").asText()).isEqualTo("2026-12-01T09:30:00.000+01:00");
    }

    @Test
    void escapesAttributesThatAreNotPlainAsciiAndWritesExtensions() throws Exception {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0))
                .withSubject("caf\u00e9 \"quoted\" \\ tab\t").withExtension("traceparent", "00-abc-01").build();
        String line = new String(lines.encode(validator.validate("hubtest.events", event), "hubtest.events", 0, 9), StandardCharsets.UTF_8);

        JsonNode parsed = json.readTree(line);
        assertThat(parsed.get("subject").asText()).isEqualTo("caf\u00e9 \"quoted\" \\ tab\t");
        assertThat(parsed.get("traceparent").asText()).isEqualTo("00-abc-01");
        assertThat(parsed.get("kafkaoffset").asLong()).isEqualTo(9);
    }

    @Test
    void anEventsOwnTraceparentWinsOverTheRecordsAndTheRecordsIsKeptWhenTheEventHasNone() throws Exception {
        String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String record = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        ValidEvent traced = validator.validate("hubtest.events",
                CloudEventBuilder.v1(TestEvents.probeMeasured("p1", 1, TIME, 0)).withExtension("traceparent", own).build());
        ValidEvent untraced = validator.validate("hubtest.events", TestEvents.probeMeasured("p1", 2, TIME, 0));

        JsonNode kept = json.readTree(lines.encode(traced, "hubtest.events", 0, 1, record));
        assertThat(kept.get("traceparent").asText()).isEqualTo(own);
        assertThat(kept.properties()).filteredOn(e -> e.getKey().equals("traceparent")).hasSize(1);
        assertThat(json.readTree(lines.encode(untraced, "hubtest.events", 0, 2, record)).get("traceparent").asText()).isEqualTo(record);
        assertThat(json.readTree(lines.encode(untraced, "hubtest.events", 0, 3, null)).has("traceparent")).isFalse();
    }

    /** The mapper as Boot auto-configures it for the service. */
    private static JsonMapper bootsMapper() {
        AtomicReference<JsonMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> mapper.set(context.getBean(JsonMapper.class)));
        return mapper.get();
    }

    private String encode(String data, long offset) throws Exception {
        ValidEvent valid = validator.validate("hubtest.events", TestEvents.event(TestEvents.PROBE_MEASURED, "p1", TIME, data));
        return new String(lines.encode(valid, "hubtest.events", 1, offset), StandardCharsets.UTF_8);
    }
}
