package io.glasslink.planning.events;

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

/**
 * The planning event schemas of io.glasslink:event-contracts. When the installed jar predates a
 * schema (the module is built alone), the schema is read from the event-contracts sources.
 */
final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** The validation errors of {@code data} against the schema of {@code eventName} v1 (empty when valid). */
    static Set<ValidationMessage> validate(String eventName, byte[] data) {
        try {
            JsonNode node = JSON.readTree(data);
            return schema(eventName).validate(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String eventName) throws IOException {
        String path = "glasslink/events/planning/" + eventName + ".v1.schema.json";
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = Files.newInputStream(Path.of("../infra/event-contracts/src/main/resources", path));
        }
        try (InputStream schema = in) {
            return FACTORY.getSchema(schema, CONFIG);
        }
    }
}
