package io.glasslink.datahub.lake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.glasslink.datahub.contracts.EventEnvelope;
import io.glasslink.datahub.contracts.ValidEvent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a validated event as one line of the lake with Jackson's {@code JsonGenerator}: the CloudEvent in JSON
 * structured form ({@code data} embedded as JSON), plus the extension attributes {@code kafkatopic},
 * {@code kafkapartition} and {@code kafkaoffset} that say where it was read. The event's {@code traceparent}
 * (CloudEvents distributed-tracing extension) is kept, so a lake record joins its trace.
 *
 * <p>Not thread-safe: one instance per partition lane, which reuses its buffer.
 */
public final class LakeLines {

    private static final String TRACEPARENT = "traceparent";

    private final JsonMapper json;
    private final LineBuffer out = new LineBuffer();

    /** @param json the service's mapper (Boot's auto-configured one), whose generator writes the lines */
    public LakeLines(JsonMapper json) {
        this.json = json;
    }

    /** The line, newline-terminated, UTF-8, with {@code time} as the producer wrote it. */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset) {
        return encode(valid, topic, partition, offset, null);
    }

    /**
     * The line, as {@link #encode(ValidEvent, String, int, long)}, with {@code traceparent} as the event's
     * {@code traceparent} attribute when the event carries none of its own.
     */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
        int length = encodeInPlace(valid, topic, partition, offset, traceparent);
        return Arrays.copyOf(buffer(), length);
    }

    /**
     * Encodes the line into this encoder's buffer, without a copy: it is {@link #buffer()} up to the
     * returned length, valid until the next call.
     */
    public int encodeInPlace(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
        EventEnvelope event = valid.envelope();
        byte[] data = event.data();
        out.reset();
        try (JsonGenerator line = json.createGenerator(out)) {
            line.writeStartObject();
            line.writeStringProperty("specversion", event.specversion());
            line.writeStringProperty("id", event.id());
            line.writeStringProperty("source", event.source());
            line.writeStringProperty("type", event.type());
            line.writeStringProperty("subject", event.subject());
            line.writeStringProperty("time", event.timeText());
            line.writeStringProperty("datacontenttype", event.datacontenttype());
            line.writeStringProperty("dataschema", event.dataschema());
            boolean traced = false;
            for (EventEnvelope.Extension extension : event.extensions()) {
                traced |= extension.name().equals(TRACEPARENT);
                line.writeName(extension.name());
                // CloudEvents extension types: integer, boolean, and the rest in their canonical string form
                Object value = extension.value();
                if (value instanceof Number n) {
                    line.writeNumber(n.longValue());
                } else if (value instanceof Boolean b) {
                    line.writeBoolean(b);
                } else {
                    line.writeString(value.toString());
                }
            }
            if (!traced && traceparent != null) {
                line.writeStringProperty(TRACEPARENT, traceparent);
            }
            line.writeStringProperty("kafkatopic", topic);
            line.writeNumberProperty("kafkapartition", partition);
            line.writeNumberProperty("kafkaoffset", offset);
            line.writeName("data");
            if (valid.dataOnOneLine() && !startsWithByteOrderMark(data)) {
                // the data was parsed as JSON already: written as it came rather than parsed again
                line.writeRawValue(new String(data, StandardCharsets.UTF_8));
            } else {
                // compacted token by token, numbers exactly as written, so that the line stays one event
                try (JsonParser parsed = json.createParser(data)) {
                    parsed.nextToken();
                    line.copyCurrentStructureExact(parsed);
                }
            }
            line.writeEndObject();
        }
        out.write('\n');
        return out.size();
    }

    /** The buffer {@link #encodeInPlace} wrote to. */
    public byte[] buffer() {
        return out.buffer();
    }

    private static boolean startsWithByteOrderMark(byte[] data) {
        return data.length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF;
    }

    /** A growing buffer whose array is handed to the batch without a copy. */
    private static final class LineBuffer extends ByteArrayOutputStream {

        LineBuffer() {
            super(4096);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
