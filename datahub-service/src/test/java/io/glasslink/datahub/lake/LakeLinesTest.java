package io.glasslink.datahub.lake;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.contracts.EventSchemas;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.contracts.ValidEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LakeLinesTest {

    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-12-01T09:30:00+01:00");
    private final EventValidator validator = new EventValidator(EventSchemas.loadFromClasspath());
    private final LakeLines lines = new LakeLines();
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
    void findsALineBreakAtAnyPositionOfTheData() {
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at < length; at++) {
                for (byte breaker : new byte[] {'\n', '\r'}) {
                    byte[] data = "x".repeat(length).getBytes(StandardCharsets.UTF_8);
                    data[at] = breaker;
                    assertThat(LakeLines.isSingleLine(data)).as("length %d, break at %d", length, at).isFalse();
                }
            }
            assertThat(LakeLines.isSingleLine("\u00e9\u20ac\"x\\".repeat(length).getBytes(StandardCharsets.UTF_8))).isTrue();
        }
    }

    @Test
    void keepsTheTimeAsTheProducerWroteIt() throws Exception {
        ValidEvent valid = validator.validate("hubtest.events", TestEvents.probeMeasured("p1", 1, TIME, 0));
        String line = new String(lines.encode(valid, "2026-12-01T09:30:00.000+01:00", "hubtest.events", 0, 0), StandardCharsets.UTF_8);

        assertThat(json.readTree(line).get("time").asText()).isEqualTo("2026-12-01T09:30:00.000+01:00");
    }

    private String encode(String data, long offset) throws Exception {
        ValidEvent valid = validator.validate("hubtest.events", TestEvents.event(TestEvents.PROBE_MEASURED, "p1", TIME, data));
        return new String(lines.encode(valid, "hubtest.events", 1, offset), StandardCharsets.UTF_8);
    }
}
