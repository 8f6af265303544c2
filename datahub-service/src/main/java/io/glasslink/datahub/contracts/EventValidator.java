package io.glasslink.datahub.contracts;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;

/**
 * Checks an event against the contract of docs/contracts.md: CloudEvents 1.0 envelope with every
 * required attribute, a type following the naming rule and matching its topic's domain, the
 * matching {@code dataschema}, JSON data valid against that schema.
 */
public final class EventValidator {

    private static final int MAX_MESSAGES = 3;
    private static final Pattern DOMAIN_TOPIC = Pattern.compile("([a-z][a-z0-9]*)\\.events");

    private final EventSchemas schemas;
    private final ObjectMapper json = new ObjectMapper();

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
            throw new InvalidEventException("specversion must be 1.0, was " + event.getSpecVersion());
        }
        require(event.getId(), "id");
        require(event.getSubject(), "subject");
        if (event.getSource() == null || event.getSource().toString().isBlank()) {
            throw new InvalidEventException("missing attribute source");
        }
        EventType type = EventType.parse(event.getType())
                .orElseThrow(() -> new InvalidEventException("type '" + event.getType() + "' does not follow io.glasslink.<domain>.<EventName>.v<N>"));
        Matcher domainTopic = DOMAIN_TOPIC.matcher(topic);
        if (domainTopic.matches() && !domainTopic.group(1).equals(type.domain())) {
            throw new InvalidEventException("type " + type.type() + " does not belong on topic " + topic);
        }
        OffsetDateTime time = event.getTime();
        if (time == null) {
            throw new InvalidEventException("missing attribute time");
        }
        String contentType = event.getDataContentType();
        if (contentType == null || !(contentType.equals("application/json") || contentType.startsWith("application/json;"))) {
            throw new InvalidEventException("datacontenttype must be application/json, was " + contentType);
        }
        if (event.getDataSchema() == null || !type.dataschema().equals(event.getDataSchema().toString())) {
            throw new InvalidEventException("dataschema must be " + type.dataschema() + ", was " + event.getDataSchema());
        }
        JsonSchema schema = schemas.forType(type.type())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + type.type()));
        if (event.getData() == null) {
            throw new InvalidEventException("missing data");
        }
        JsonNode data;
        try {
            data = json.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new InvalidEventException("data is not JSON: " + firstLine(e.getMessage()));
        }
        if (data == null || data.isMissingNode()) {
            throw new InvalidEventException("data is empty");
        }
        Set<ValidationMessage> errors = schema.validate(data);
        if (!errors.isEmpty()) {
            throw new InvalidEventException("data violates " + type.versionedName() + " schema: "
                    + errors.stream().limit(MAX_MESSAGES).map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
        }
        return new ValidEvent(event, type, time, data);
    }

    private static void require(String value, String attribute) throws InvalidEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing attribute " + attribute);
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
