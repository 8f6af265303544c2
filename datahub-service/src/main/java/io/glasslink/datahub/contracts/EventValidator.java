package io.glasslink.datahub.contracts;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.glasslink.datahub.contracts.InvalidEventException.Category;

/**
 * Checks an event against the contract of docs/contracts.md: CloudEvents 1.0 envelope with every
 * required attribute, a type following the naming rule and matching its topic's domain, the
 * matching {@code dataschema}, JSON data valid against that schema.
 */
public final class EventValidator {

    private static final int MAX_MESSAGES = 3;
    // bounds the cache when a faulty producer sends ever new type names
    private static final int MAX_CACHED_TYPES = 1000;
    private static final Pattern DOMAIN_TOPIC = Pattern.compile("([a-z][a-z0-9]*)\\.events");
    private static final String SPEC_VERSION = "1.0";

    private final EventSchemas schemas;
    // trailing tokens are an error: the lake line copies the data bytes as they are
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, KnownType> knownTypes = new ConcurrentHashMap<>();
    // the domain of each topic read ("" for a topic that is not a domain topic)
    private final Map<String, String> topicDomains = new ConcurrentHashMap<>();

    public EventValidator(EventSchemas schemas) {
        this.schemas = schemas;
    }

    /**
     * Validates {@code event} read from {@code topic}.
     *
     * @throws InvalidEventException naming the first rule it breaks
     */
    public ValidEvent validate(String topic, CloudEvent event) throws InvalidEventException {
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidEventException(Category.SPECVERSION, "specversion must be 1.0, was " + event.getSpecVersion());
        }
        return validate(topic, EventEnvelope.of(event));
    }

    /**
     * Validates the event of {@code envelope} read from {@code topic}: the same rules, in the same order,
     * as {@link #validate(String, CloudEvent)}. Thread-safe; the data is parsed once and the compiled
     * schema of each type is looked up once.
     *
     * @throws InvalidEventException naming the first rule it breaks
     */
    public ValidEvent validate(String topic, EventEnvelope event) throws InvalidEventException {
        if (!SPEC_VERSION.equals(event.specversion())) {
            throw new InvalidEventException(Category.SPECVERSION, "specversion must be 1.0, was " + event.specversion());
        }
        require(event.id(), "id");
        require(event.subject(), "subject");
        require(event.source(), "source");
        String typeAttribute = event.type() == null ? "" : event.type();
        KnownType known = knownTypes.get(typeAttribute);
        if (known == null) {
            known = lookUp(typeAttribute);
            if (knownTypes.size() < MAX_CACHED_TYPES) {
                knownTypes.put(typeAttribute, known);
            }
        }
        if (known.error() != null) {
            throw new InvalidEventException(known.category(), known.error());
        }
        EventType type = known.type();
        if (!topicHoldsDomain(topic, type.domain())) {
            throw new InvalidEventException(Category.WRONG_TOPIC, "type " + type.type() + " does not belong on topic " + topic);
        }
        OffsetDateTime time = event.time();
        if (time == null) {
            throw new InvalidEventException(Category.MISSING_ATTRIBUTE, "missing attribute time");
        }
        String contentType = event.datacontenttype();
        if (contentType == null || !(contentType.equals("application/json") || contentType.startsWith("application/json;"))) {
            throw new InvalidEventException(Category.CONTENT_TYPE, "datacontenttype must be application/json, was " + contentType);
        }
        if (!known.dataschema().equals(event.dataschema())) {
            throw new InvalidEventException(Category.DATASCHEMA, "dataschema must be " + known.dataschema() + ", was " + event.dataschema());
        }
        JsonSchema schema = known.schema();
        if (event.data() == null) {
            throw new InvalidEventException(Category.DATA_NOT_JSON, "missing data");
        }
        JsonNode data;
        boolean oneLine;
        try (JsonParser parser = json.createParser(event.data())) {
            data = json.readTree(parser);
            // a raw CR or LF can only be whitespace between tokens (never inside a string): the parser counted them
            oneLine = parser.currentLocation().getLineNr() <= 1;
        } catch (IOException e) {
            throw new InvalidEventException(Category.DATA_NOT_JSON, "data is not JSON: " + firstLine(e.getMessage()));
        }
        if (data == null || data.isMissingNode()) {
            throw new InvalidEventException(Category.DATA_NOT_JSON, "data is empty");
        }
        // fail-fast boolean check first; the messages are collected only for an invalid event
        if (!schema.validate(data, OutputFormat.BOOLEAN)) {
            Set<ValidationMessage> errors = schema.validate(data);
            throw new InvalidEventException(Category.SCHEMA_VIOLATION, "data violates " + type.versionedName() + " schema: "
                    + errors.stream().limit(MAX_MESSAGES).map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
        return new ValidEvent(event, type, time, data, oneLine);
    }

    /** True unless {@code topic} is a domain topic ({@code <domain>.events}) of another domain. */
    private boolean topicHoldsDomain(String topic, String domain) {
        String topicDomain = topicDomains.get(topic);
        if (topicDomain == null) {
            Matcher domainTopic = DOMAIN_TOPIC.matcher(topic);
            topicDomain = domainTopic.matches() ? domainTopic.group(1) : "";
            if (topicDomains.size() < MAX_CACHED_TYPES) {
                topicDomains.put(topic, topicDomain);
            }
        }
        return topicDomain.isEmpty() || topicDomain.equals(domain);
    }

    private KnownType lookUp(String typeAttribute) {
        Optional<EventType> parsed = EventType.parse(typeAttribute);
        if (parsed.isEmpty()) {
            return new KnownType(null, null, null, Category.TYPE_NAME, "type '" + typeAttribute + "' does not follow io.glasslink.<domain>.<EventName>.v<N>");
        }
        EventType type = parsed.get();
        return schemas.forType(type.type())
                .map(schema -> new KnownType(type, type.dataschema(), schema, null, null))
                .orElseGet(() -> new KnownType(type, type.dataschema(), null, Category.UNKNOWN_TYPE, "unknown event type " + type.type()));
    }

    /** What the validator knows of one {@code type} attribute value, computed once (the set of types is small). */
    private record KnownType(EventType type, String dataschema, JsonSchema schema, Category category, String error) {
    }

    private static void require(String value, String attribute) throws InvalidEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(Category.MISSING_ATTRIBUTE, "missing attribute " + attribute);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
