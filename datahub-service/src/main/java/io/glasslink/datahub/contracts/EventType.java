package io.glasslink.datahub.contracts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A versioned event type, {@code io.glasslink.<domain>.<EventName>.v<N>}, with the schema
 * location and lake dataset name derived from it.
 */
public record EventType(String domain, String name, int version) {

    private static final Pattern TYPE = Pattern.compile("io\\.glasslink\\.([a-z][a-z0-9]*)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]{0,3})");

    /** Base URI of every event schema; the path below it mirrors the classpath folder. */
    public static final String SCHEMA_BASE = "https://schemas.glasslink.io/events/";

    /** Parses a CloudEvents {@code type} attribute, empty when it does not follow the convention. */
    public static Optional<EventType> parse(String type) {
        if (type == null) {
            return Optional.empty();
        }
        Matcher m = TYPE.matcher(type);
        return m.matches() ? Optional.of(new EventType(m.group(1), m.group(2), Integer.parseInt(m.group(3)))) : Optional.empty();
    }

    /** The CloudEvents {@code type} attribute. */
    public String type() {
        return "io.glasslink." + domain + "." + name + ".v" + version;
    }

    /** {@code <EventName>.v<N>}: the schema file stem and the lake dataset folder. */
    public String versionedName() {
        return name + ".v" + version;
    }

    /** Relative path of the schema below {@code glasslink/events/}. */
    public String schemaPath() {
        return domain + "/" + versionedName() + ".schema.json";
    }

    /** The {@code dataschema} attribute every event of this type carries. */
    public String dataschema() {
        return SCHEMA_BASE + schemaPath();
    }
}
