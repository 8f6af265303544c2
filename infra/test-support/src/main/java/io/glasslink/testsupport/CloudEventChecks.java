package io.glasslink.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one event shape of glasslink (CloudEvents 1.0 in Kafka binary mode, docs/contracts.md
 * "Events"), checked on a record as the hub receives it. Every producing service's tests run it on
 * each event type they publish.
 */
public final class CloudEventChecks {

    private static final Pattern TYPE = Pattern.compile("io\\.glasslink\\.(supplychain|planning|booking)\\.([A-Z][A-Za-z]+)\\.v([0-9]+)");
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CloudEventChecks() {
    }

    /**
     * Checks one record.
     *
     * @param record the record as read from the topic (value: the JSON data)
     * @param source the producer's source, e.g. {@code /glasslink/planning-service}
     * @return the record's {@code ce_type}
     */
    public static String check(ConsumerRecord<?, byte[]> record, String source) {
        Headers headers = record.headers();
        expect("1.0".equals(header(headers, "ce_specversion")), "ce_specversion is 1.0");
        String id = header(headers, "ce_id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new AssertionError("ce_id is a UUID: " + id);
        }
        expect(source.equals(header(headers, "ce_source")), "ce_source is " + source + ", was " + header(headers, "ce_source"));
        String type = header(headers, "ce_type");
        Matcher m = TYPE.matcher(type);
        expect(m.matches(), "ce_type is io.glasslink.<domain>.<EventName>.v<N>: " + type);
        expect(!header(headers, "ce_subject").isBlank(), "ce_subject names the aggregate");
        String time = header(headers, "ce_time");
        checkParisTime(time, "ce_time");
        String schema = "https://schemas.glasslink.io/events/" + m.group(1) + "/" + m.group(2) + ".v" + m.group(3) + ".schema.json";
        expect(schema.equals(header(headers, "ce_dataschema")), "ce_dataschema is " + schema + ", was " + header(headers, "ce_dataschema"));
        expect("application/json".equals(header(headers, "content-type")), "content-type is application/json, was " + header(headers, "content-type"));
        Header traceparent = headers.lastHeader("ce_traceparent");
        if (traceparent != null) {
            String value = new String(traceparent.value(), StandardCharsets.UTF_8);
            expect(TRACEPARENT.matcher(value).matches(), "ce_traceparent is a W3C traceparent: " + value);
        }
        expect(record.value() != null, "the record has a value");
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (RuntimeException e) {
            throw new AssertionError("the value is JSON: " + new String(record.value(), StandardCharsets.UTF_8), e);
        }
        expect(data.isObject(), "the value is a JSON object");
        return type;
    }

    /**
     * Checks one record as {@link #check} does, and that it carries its trace: the CloudEvents
     * distributed-tracing extension {@code ce_traceparent} and Kafka's W3C {@code traceparent}, of the
     * same trace (not necessarily the same span: a record the hub forwards carries the hub's span).
     */
    public static String checkTraced(ConsumerRecord<?, byte[]> record, String source) {
        String type = check(record, source);
        Header ce = record.headers().lastHeader("ce_traceparent");
        Header w3c = record.headers().lastHeader("traceparent");
        expect(ce != null, "ce_traceparent is present (CloudEvents distributed tracing)");
        expect(w3c != null, "traceparent is present (W3C, from the producer's observation)");
        String ceValue = new String(ce.value(), StandardCharsets.UTF_8);
        String w3cValue = new String(w3c.value(), StandardCharsets.UTF_8);
        expect(TRACEPARENT.matcher(ceValue).matches(), "ce_traceparent is a W3C traceparent: " + ceValue);
        expect(TRACEPARENT.matcher(w3cValue).matches(), "traceparent is a W3C traceparent: " + w3cValue);
        expect(ceValue.substring(3, 35).equals(w3cValue.substring(3, 35)),
                "ce_traceparent and traceparent carry the same trace id: " + ceValue + " / " + w3cValue);
        return type;
    }

    /**
     * Checks a time written on the wire: RFC 3339 with the offset Europe/Paris has at that instant
     * ({@code +01:00} in winter, {@code +02:00} in summer), never {@code Z}.
     */
    public static void checkParisTime(String value, String what) {
        expect(value != null, what + " is present");
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new AssertionError(what + " is RFC 3339 with an offset: " + value);
        }
        expect(time.getOffset().equals(TestClock.PARIS.getRules().getOffset(time.toInstant())),
                what + " carries the offset of Europe/Paris at that instant: " + value);
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        expect(h != null && h.value() != null, "header " + name + " is present");
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
