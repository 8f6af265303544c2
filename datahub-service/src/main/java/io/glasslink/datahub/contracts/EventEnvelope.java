package io.glasslink.datahub.contracts;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;

/**
 * The attributes and data of one CloudEvent as read, before validation, with its {@code time} as the producer
 * wrote it.
 *
 * @param specversion     the {@code specversion} attribute ("1.0")
 * @param time            the parsed {@code time}, null when absent
 * @param timeText        the {@code time} attribute as the producer wrote it (kept in the lake line)
 * @param data            the JSON data bytes, null when absent
 * @param extensions      extension attributes in the order read
 */
public record EventEnvelope(String specversion, String id, String source, String type, String subject,
                            OffsetDateTime time, String timeText, String datacontenttype, String dataschema,
                            byte[] data, List<Extension> extensions) {

    /** One extension attribute; Kafka headers give strings, other bindings may give numbers or booleans. */
    public record Extension(String name, Object value) {
    }

    /** The envelope of an SDK event (the {@code time} text is the ISO form of the parsed time). */
    public static EventEnvelope of(CloudEvent event) {
        OffsetDateTime time = event.getTime();
        return of(event, time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /** The envelope of an SDK event whose {@code time} attribute was written as {@code timeText}. */
    public static EventEnvelope of(CloudEvent event, String timeText) {
        List<Extension> extensions = new ArrayList<>();
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null) {
                extensions.add(new Extension(name, value));
            }
        }
        return new EventEnvelope(event.getSpecVersion().toString(), event.getId(),
                event.getSource() == null ? null : event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime(), timeText, event.getDataContentType(),
                event.getDataSchema() == null ? null : event.getDataSchema().toString(),
                event.getData() == null ? null : event.getData().toBytes(), List.copyOf(extensions));
    }
}
