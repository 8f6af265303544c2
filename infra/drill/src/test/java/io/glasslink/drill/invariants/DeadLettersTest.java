package io.glasslink.drill.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters();

    @Test
    void anEventThatFollowsEveryRuleIsValidSoItsDeadLetterWasWrong() {
        assertThat(deadLetters.whyInvalid(letter(headers(), CONFIRMED))).isNull();
    }

    @Test
    void aDeadLetterThatBreaksARuleIsInvalid() {
        Map<String, String> wrongType = headers();
        wrongType.put("ce_type", "io.glasslink.booking.Nope.v1");
        Map<String, String> wrongTopic = headers();
        wrongTopic.put("glasslink-dlq-topic", "planning.events");
        Map<String, String> noId = headers();
        noId.remove("ce_id");

        assertThat(deadLetters.whyInvalid(letter(wrongType, CONFIRMED))).startsWith("dataschema");
        assertThat(deadLetters.whyInvalid(letter(wrongTopic, CONFIRMED))).isEqualTo("type on another domain's topic");
        assertThat(deadLetters.whyInvalid(letter(noId, CONFIRMED))).isEqualTo("no ce_id");
        assertThat(deadLetters.whyInvalid(letter(headers(), "{\"bookingReference\":\"GL-AAAAAAAA\"}"))).isEqualTo("data breaks its schema");
        assertThat(deadLetters.whyInvalid(letter(headers(), "not json"))).isEqualTo("data is not JSON");
    }

    private static final String CONFIRMED = "{\"bookingReference\":\"GL-AAAAAAAA\",\"occurredAt\":\"2026-12-09T09:00:00+01:00\","
            + "\"appointmentId\":\"0b0b0b0b-0000-0000-0000-000000000001\",\"holdId\":null,\"centreId\":\"C001\","
            + "\"start\":\"2026-12-10T09:00:00+01:00\"}";

    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", "5f0c9a4e-3c2a-4d8e-9a53-2f1f0e6b7a10");
        h.put("ce_source", "/glasslink/booking-web-service");
        h.put("ce_type", "io.glasslink.booking.BookingConfirmed.v1");
        h.put("ce_subject", "GL-AAAAAAAA");
        h.put("ce_time", "2026-12-09T09:00:00+01:00");
        h.put("ce_dataschema", "https://schemas.glasslink.io/events/booking/BookingConfirmed.v1.schema.json");
        h.put("content-type", "application/json");
        h.put("glasslink-dlq-topic", "booking.events");
        return h;
    }

    private static Topics.Message letter(Map<String, String> headers, String data) {
        return new Topics.Message("datahub.dlq", 0, 0, 0, headers, data.getBytes(StandardCharsets.UTF_8));
    }
}
