package io.glasslink.datahub.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glasslink.datahub.contracts.EventEnvelope;
import io.glasslink.datahub.contracts.ValidEvent;

/**
 * Encodes a validated event as one line of the lake: the CloudEvent in JSON structured form
 * ({@code data} embedded as JSON), plus the extension attributes {@code kafkatopic},
 * {@code kafkapartition} and {@code kafkaoffset} that say where it was read. The event's {@code traceparent}
 * (CloudEvents distributed-tracing extension) is kept, so a lake record joins its trace.
 *
 * <p>Written by hand rather than with Jackson's {@code JsonGenerator} because copying the plain-ASCII attributes and
 * the already-parsed data bytes saves more than a tenth of the hub's per-event work ({@code ReplacementsBenchmark},
 * "performance deviations" in docs/benchmarks.md).
 *
 * <p>Not thread-safe: one instance per partition lane, which reuses its buffer.
 */
public final class LakeLines {

    private static final JsonStringEncoder ESCAPER = JsonStringEncoder.getInstance();
    private static final String TRACEPARENT = "traceparent";

    private final ObjectMapper mapper = new ObjectMapper();
    private byte[] buf = new byte[4096];
    private int len;

    /** The line, newline-terminated, UTF-8, with {@code time} as the producer wrote it. */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset) {
        return Arrays.copyOf(buf, encodeInPlace(valid, topic, partition, offset, null));
    }

    /**
     * The line, as {@link #encode(ValidEvent, String, int, long)}, with {@code traceparent} as the event's
     * {@code traceparent} attribute when the event carries none of its own.
     */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
        return Arrays.copyOf(buf, encodeInPlace(valid, topic, partition, offset, traceparent));
    }

    /**
     * Encodes the line into this encoder's buffer, without a copy: it is {@link #buffer()} up to the
     * returned length, valid until the next call.
     */
    public int encodeInPlace(ValidEvent valid, String topic, int partition, long offset, String traceparent) {
        EventEnvelope event = valid.envelope();
        byte[] data = event.data();
        len = 0;
        field('{', "specversion", event.specversion());
        field(',', "id", event.id());
        field(',', "source", event.source());
        field(',', "type", event.type());
        field(',', "subject", event.subject());
        field(',', "time", event.timeText());
        field(',', "datacontenttype", event.datacontenttype());
        field(',', "dataschema", event.dataschema());
        boolean traced = false;
        for (EventEnvelope.Extension extension : event.extensions()) {
            traced |= extension.name().equals(TRACEPARENT);
            Object value = extension.value();
            if (value instanceof Number n) {
                raw(',', extension.name(), Long.toString(n.longValue()));
            } else if (value instanceof Boolean b) {
                raw(',', extension.name(), b.toString());
            } else {
                field(',', extension.name(), value.toString());
            }
        }
        if (!traced && traceparent != null) {
            field(',', TRACEPARENT, traceparent);
        }
        field(',', "kafkatopic", topic);
        raw(',', "kafkapartition", Integer.toString(partition));
        raw(',', "kafkaoffset", Long.toString(offset));
        name(',', "data");
        if (valid.dataOnOneLine() && !startsWithByteOrderMark(data)) {
            // the data was parsed as JSON already: copying its bytes is cheaper than re-serialising
            bytes(data, data.length);
        } else {
            try {
                byte[] compact = mapper.writeValueAsBytes(valid.data());
                bytes(compact, compact.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ensure(2);
        buf[len++] = '}';
        buf[len++] = '\n';
        return len;
    }

    /** The buffer {@link #encodeInPlace} wrote to. */
    public byte[] buffer() {
        return buf;
    }

    private void field(char separator, String name, String value) {
        name(separator, name);
        string(value);
    }

    private void raw(char separator, String name, String value) {
        name(separator, name);
        ascii(value);
    }

    private void name(char separator, String name) {
        ensure(1);
        buf[len++] = (byte) separator;
        string(name);
        ensure(1);
        buf[len++] = ':';
    }

    /** A JSON string; plain ASCII (the usual case) is copied as is, anything else goes through Jackson's escaper. */
    private void string(String value) {
        int n = value.length();
        ensure(n + 2);
        int at = len;
        buf[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                byte[] escaped = ESCAPER.quoteAsUTF8(value);
                ensure(escaped.length + 2);
                buf[len] = '"';
                System.arraycopy(escaped, 0, buf, len + 1, escaped.length);
                len += escaped.length + 1;
                buf[len++] = '"';
                return;
            }
            buf[at++] = (byte) c;
        }
        buf[at++] = '"';
        len = at;
    }

    private void ascii(String value) {
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) value.charAt(i);
        }
    }

    private void bytes(byte[] bytes, int length) {
        ensure(length);
        System.arraycopy(bytes, 0, buf, len, length);
        len += length;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private static boolean startsWithByteOrderMark(byte[] data) {
        return data.length >= 3 && data[0] == (byte) 0xEF && data[1] == (byte) 0xBB && data[2] == (byte) 0xBF;
    }
}
