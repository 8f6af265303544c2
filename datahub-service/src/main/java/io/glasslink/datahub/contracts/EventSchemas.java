package io.glasslink.datahub.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The JSON Schemas of every known event type, loaded once from the classpath folder
 * {@code glasslink/events/<domain>/<EventName>.v<N>.schema.json} (the event-contracts module, plus
 * any other jar or folder on the classpath that follows the same layout).
 */
public final class EventSchemas {

    /** Classpath folder holding the schemas. */
    public static final String ROOT = "glasslink/events/";

    private final Map<String, JsonSchema> byType;

    private EventSchemas(Map<String, JsonSchema> byType) {
        this.byType = Collections.unmodifiableMap(byType);
    }

    /** Loads and compiles every schema found on the classpath. */
    public static EventSchemas loadFromClasspath() {
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
                .schemaMappers(m -> m.mapPrefix(EventType.SCHEMA_BASE, "classpath:" + ROOT))
                .build();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Map<String, JsonSchema> schemas = new TreeMap<>();
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "*/*.schema.json");
            for (Resource resource : found) {
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
                String[] parts = relative.split("/");
                String stem = parts[1].substring(0, parts[1].length() - ".schema.json".length());
                Optional<EventType> type = EventType.parse("io.glasslink." + parts[0] + "." + stem);
                if (type.isEmpty()) {
                    throw new IllegalStateException("schema file name breaks the <domain>/<EventName>.v<N>.schema.json rule: " + url);
                }
                JsonSchema schema = factory.getSchema(SchemaLocation.of(type.get().dataschema()), config);
                schema.initializeValidators();
                schemas.put(type.get().type(), schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list event schemas", e);
        }
        return new EventSchemas(schemas);
    }

    /** The compiled schema of {@code type}, empty for an unknown type. */
    public Optional<JsonSchema> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Every known event type, sorted. */
    public java.util.Set<String> types() {
        return byType.keySet();
    }
}
