package io.glasslink.drill.invariants;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * Whether a dead letter is a valid event after all, by the rules of docs/contracts.md "Events"
 * (the hub's rules): CloudEvents 1.0 binary headers, a known {@code io.glasslink.<domain>.<Name>.v<N>}
 * type on its own domain's topic, its {@code dataschema}, an RFC 3339 time, JSON data that passes the
 * type's schema (formats asserted). Such an event in {@code datahub.dlq} was refused wrongly.
 */
final class DeadLetters {

    private static final Pattern TYPE = Pattern.compile("io\\.glasslink\\.(supplychain|planning|booking)\\.([A-Z][A-Za-z]+)\\.v(\\d+)");
    private static final String SCHEMA_BASE = "https://schemas.glasslink.io/events/";

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            .schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, "classpath:glasslink/events/"))
            .build();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** Why {@code m} is not a valid event, or null when it is one. */
    String whyInvalid(Topics.Message m) {
        if (!"1.0".equals(m.header("ce_specversion"))) {
            return "specversion";
        }
        for (String attribute : new String[] {"ce_id", "ce_source", "ce_subject"}) {
            String v = m.header(attribute);
            if (v == null || v.isBlank()) {
                return "no " + attribute;
            }
        }
        String type = m.header("ce_type");
        Matcher t = type == null ? null : TYPE.matcher(type);
        if (t == null || !t.matches()) {
            return "type " + type;
        }
        String original = m.header("glasslink-dlq-topic");
        if (original != null && original.endsWith(".events") && !original.equals(t.group(1) + ".events")) {
            return "type on another domain's topic";
        }
        String dataschema = SCHEMA_BASE + t.group(1) + "/" + t.group(2) + ".v" + t.group(3) + ".schema.json";
        if (!dataschema.equals(m.header("ce_dataschema"))) {
            return "dataschema";
        }
        try {
            OffsetDateTime.parse(m.header("ce_time") == null ? "" : m.header("ce_time"));
        } catch (DateTimeParseException e) {
            return "time";
        }
        String contentType = m.header("content-type");
        if (contentType == null || !(contentType.equals("application/json") || contentType.startsWith("application/json;"))) {
            return "content-type";
        }
        JsonSchema schema;
        try {
            schema = schemas.computeIfAbsent(dataschema, s -> {
                JsonSchema compiled = factory.getSchema(SchemaLocation.of(s), config);
                compiled.initializeValidators();
                return compiled;
            });
        } catch (RuntimeException unknownType) {
            return "no schema for " + type;
        }
        JsonNode data;
        try {
            data = m.value() == null ? null : json.readTree(m.value());
        } catch (IOException e) {
            return "data is not JSON";
        }
        if (data == null || data.isMissingNode()) {
            return "no data";
        }
        return schema.validate(data).isEmpty() ? null : "data breaks its schema";
    }
}
