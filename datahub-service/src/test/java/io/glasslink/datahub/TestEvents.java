package io.glasslink.datahub;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Builds CloudEvents of the test-only {@code hubtest} domain, as producers publish them (binary mode). */
public final class TestEvents {

    public static final String PROBE_MEASURED = "io.glasslink.hubtest.ProbeMeasured.v1";
    public static final String PROBE_RESET = "io.glasslink.hubtest.ProbeReset.v1";

    private TestEvents() {
    }

    /** A valid ProbeMeasured event; {@code padding} characters of note make it bigger. */
    public static CloudEvent probeMeasured(String probeId, long sequence, OffsetDateTime time, int padding) {
        String data = "{\"probeId\":\"" + probeId + "\",\"sequence\":" + sequence + ",\"value\":" + (sequence % 100) / 10.0
                + ",\"measuredAt\":\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + "\",\"note\":\"" + "x".repeat(padding) + "\"}";
        return event(PROBE_MEASURED, probeId, time, data);
    }

    /** A CloudEvent of {@code type} with the contract's attributes and the given JSON data. */
    public static CloudEvent event(String type, String subject, OffsetDateTime time, String json) {
        String[] parts = type.split("\\.");
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/glasslink/datahub-tests"))
                .withType(type)
                .withSubject(subject)
                .withTime(time)
                .withDataSchema(URI.create("https://schemas.glasslink.io/events/" + parts[2] + "/" + parts[3] + "." + parts[4] + ".schema.json"))
                .withData("application/json", json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** The Kafka record of {@code event} in binary content mode, keyed by its subject. */
    public static ProducerRecord<String, byte[]> record(String topic, CloudEvent event) {
        return KafkaMessageFactory.<String>createWriter(topic, event.getSubject()).writeBinary(event);
    }
}
