package io.glasslink.supplychain.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.glasslink.testsupport.CloudEventChecks;

/**
 * The published JSON Schemas of the supply-chain events (infra/event-contracts), read from the
 * classpath, or from the source tree when the installed event-contracts jar predates them.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TIME_FIELDS = Set.of("occurredAt", "expiresAt", "earliestAvailableAt",
            "expectedArrivalAt");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** Violations of {@code json} against the schema of {@code eventName} v1 (empty: valid). */
    public static Set<ValidationMessage> validate(String eventName, String json) {
        try {
            JsonNode data = JSON.readTree(json);
            return schema(eventName).validate(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that every time in the event's data ({@code occurredAt}, ...) carries the Paris offset of its instant. */
    public static void checkParisTimes(TopicReader.Event e) {
        tools.jackson.databind.JsonNode data = tools.jackson.databind.json.JsonMapper.builder().build().readTree(e.value());
        boolean occurredAt = false;
        for (String field : TIME_FIELDS) {
            if (data.has(field)) {
                CloudEventChecks.checkParisTime(data.get(field).asString(), e.name() + "." + field);
                occurredAt |= field.equals("occurredAt");
            }
        }
        if (!occurredAt) {
            throw new AssertionError(e.name() + " has no occurredAt: " + e.value());
        }
    }

    private static JsonSchema schema(String eventName) throws IOException {
        String resource = "glasslink/events/supplychain/" + eventName + ".v1.schema.json";
        InputStream onClasspath = EventSchemas.class.getClassLoader().getResourceAsStream(resource);
        try (InputStream in = onClasspath != null ? onClasspath
                : Files.newInputStream(Path.of("../infra/event-contracts/src/main/resources", resource))) {
            return FACTORY.getSchema(in, CONFIG);
        }
    }
}
