package io.glasslink.datahub.pipeline;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.types.Time;
import io.glasslink.datahub.contracts.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads the CloudEvent of a Kafka record in binary content mode ({@code ce_*} headers, JSON value).
 * The usual record is decoded straight from its headers in one pass; anything unusual (another
 * specversion, a repeated or unknown attribute header, an extension name the SDK refuses, a time the
 * SDK's parser refuses, a URI never seen) goes through the CloudEvents SDK reader, so that what is accepted
 * and every rejection reason stay exactly the SDK's. Thread-safe.
 */
final class BinaryEnvelopes {

    private static final String PREFIX = "ce_";
    private static final String CONTENT_TYPE = "content-type";
    private static final int SPECVERSION = 0;
    private static final int ID = 1;
    private static final int SOURCE = 2;
    private static final int TYPE = 3;
    private static final int SUBJECT = 4;
    private static final int TIME = 5;
    private static final int DATASCHEMA = 6;
    private static final int ATTRIBUTES = 7;
    // bounds the caches of checked URIs when producers send ever new values
    private static final int MAX_CACHED_URIS = 1000;

    private final Map<String, Boolean> checkedUris = new ConcurrentHashMap<>();

    /** The envelope of {@code record}; throws what the SDK throws for a record that is not a CloudEvent. */
    EventEnvelope read(ConsumerRecord<byte[], byte[]> record) {
        EventEnvelope fast = readPlain(record);
        return fast != null ? fast : EventEnvelope.of(KafkaMessageFactory.createReader(record).toEvent());
    }

    /** The envelope of a record in the plain form, null for anything else. */
    private EventEnvelope readPlain(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        String[] attributes = new String[ATTRIBUTES];
        String contentType = null;
        List<EventEnvelope.Extension> extensions = null;
        for (Header header : record.headers()) {
            String key = header.key();
            byte[] raw = header.value();
            if (key.equals(CONTENT_TYPE)) {
                if (contentType != null || raw == null) {
                    return null;
                }
                contentType = text(raw);
                continue;
            }
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            if (raw == null) {
                return null;
            }
            int attribute = attributeIndex(key);
            if (attribute >= 0) {
                if (attributes[attribute] != null) {
                    return null;
                }
                attributes[attribute] = text(raw);
                continue;
            }
            String name = key.substring(PREFIX.length());
            if (!isPlainExtensionName(name)) {
                return null;
            }
            if (extensions == null) {
                extensions = new ArrayList<>(2);
            }
            for (EventEnvelope.Extension seen : extensions) {
                if (seen.name().equals(name)) {
                    return null;
                }
            }
            extensions.add(new EventEnvelope.Extension(name, text(raw)));
        }
        for (String attribute : attributes) {
            if (attribute == null) {
                return null;
            }
        }
        String time = attributes[TIME];
        if (!"1.0".equals(attributes[SPECVERSION]) || contentType == null || !isUri(attributes[SOURCE]) || !isUri(attributes[DATASCHEMA])) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = Time.parseTime(time);
        } catch (DateTimeParseException e) {
            return null;
        }
        return new EventEnvelope(attributes[SPECVERSION], attributes[ID], attributes[SOURCE], attributes[TYPE], attributes[SUBJECT],
                parsed, time, contentType, attributes[DATASCHEMA], record.value(), extensions == null ? List.of() : extensions);
    }

    /** The position of a known attribute header in the attributes array, -1 for an extension. */
    private static int attributeIndex(String key) {
        return switch (key) {
            case "ce_specversion" -> SPECVERSION;
            case "ce_id" -> ID;
            case "ce_source" -> SOURCE;
            case "ce_type" -> TYPE;
            case "ce_subject" -> SUBJECT;
            case "ce_time" -> TIME;
            case "ce_dataschema" -> DATASCHEMA;
            default -> -1;
        };
    }

    private static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** Extension names the SDK accepts and none of the known attributes: lower-case letters and digits. */
    private static boolean isPlainExtensionName(String name) {
        if (name.isEmpty() || name.equals("datacontenttype") || name.equals("specversion")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code value} parses as a URI, as the SDK requires of source and dataschema; answers are cached. */
    private boolean isUri(String value) {
        Boolean known = checkedUris.get(value);
        if (known != null) {
            return known;
        }
        boolean valid;
        try {
            new URI(value);
            valid = true;
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (checkedUris.size() < MAX_CACHED_URIS) {
            checkedUris.put(value, valid);
        }
        return valid;
    }
}
