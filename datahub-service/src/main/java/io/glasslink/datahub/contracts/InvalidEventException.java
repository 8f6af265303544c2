package io.glasslink.datahub.contracts;

/**
 * An event that breaks the contract; {@link #reason()} says why, in words fit for a dead-letter header, and
 * {@link #category()} which rule it broke, from a fixed set fit for a metric tag.
 */
public class InvalidEventException extends Exception {

    /** The rule an event broke: a bounded set, in the order the hub checks them. */
    public enum Category {
        /** Not a CloudEvent in binary content mode (headers missing or unreadable). */
        UNPARSEABLE("unparseable"),
        /** {@code specversion} other than 1.0. */
        SPECVERSION("specversion"),
        /** A required attribute ({@code id}, {@code source}, {@code subject}, {@code time}) is missing. */
        MISSING_ATTRIBUTE("missing-attribute"),
        /** {@code type} does not follow {@code io.glasslink.<domain>.<EventName>.v<N>}. */
        TYPE_NAME("type-name"),
        /** No schema is published for the type. */
        UNKNOWN_TYPE("unknown-type"),
        /** The type's domain is not the domain topic's. */
        WRONG_TOPIC("wrong-topic"),
        /** {@code datacontenttype} is not {@code application/json}. */
        CONTENT_TYPE("content-type"),
        /** {@code dataschema} is not the type's schema URI. */
        DATASCHEMA("dataschema"),
        /** The data is missing, empty, not JSON or more than one JSON value. */
        DATA_NOT_JSON("data-not-json"),
        /** The data breaks the type's JSON Schema. */
        SCHEMA_VIOLATION("schema-violation");

        private final String tag;

        Category(String tag) {
            this.tag = tag;
        }

        /** The value of the {@code reason} tag on the dead-letter counter. */
        public String tag() {
            return tag;
        }
    }

    private final Category category;
    private final String reason;

    public InvalidEventException(Category category, String reason) {
        super(reason, null, false, false);
        this.category = category;
        this.reason = reason;
    }

    /** Why the event was rejected. */
    public String reason() {
        return reason;
    }

    /** Which rule it broke. */
    public Category category() {
        return category;
    }
}
