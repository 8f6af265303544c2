package io.glasslink.datahub.lake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.glasslink.datahub.contracts.ValidEvent;

/**
 * Encodes a validated event as one line of the lake: the CloudEvent in JSON structured form
 * ({@code data} embedded as JSON), plus the extension attributes {@code kafkatopic},
 * {@code kafkapartition} and {@code kafkaoffset} that say where it was read.
 *
 * <p>Not thread-safe: one instance per consumer loop, which reuses its generator and buffer.
 */
public final class LakeLines {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR_BYTES = 0x0D0D0D0D0D0D0D0DL;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Buffer out = new Buffer();
    private final JsonGenerator gen;

    public LakeLines() {
        try {
            gen = new JsonFactory().setRootValueSeparator(null).createGenerator((OutputStream) out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line, newline-terminated, UTF-8, with {@code time} formatted from the parsed event time. */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset) {
        return encode(valid, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(valid.time()), topic, partition, offset);
    }

    /**
     * The line, newline-terminated, UTF-8.
     *
     * @param timeText the {@code time} attribute as the producer wrote it (it parsed already), cheaper
     *                 than formatting the parsed value again
     */
    public byte[] encode(ValidEvent valid, String timeText, String topic, int partition, long offset) {
        CloudEvent event = valid.event();
        byte[] data = event.getData().toBytes();
        out.reset();
        try {
            gen.writeStartObject();
            gen.writeStringField("specversion", event.getSpecVersion().toString());
            gen.writeStringField("id", event.getId());
            gen.writeStringField("source", event.getSource().toString());
            gen.writeStringField("type", event.getType());
            gen.writeStringField("subject", event.getSubject());
            gen.writeStringField("time", timeText);
            gen.writeStringField("datacontenttype", event.getDataContentType());
            gen.writeStringField("dataschema", event.getDataSchema().toString());
            for (String name : event.getExtensionNames()) {
                Object value = event.getExtension(name);
                if (value instanceof Number n) {
                    gen.writeNumberField(name, n.longValue());
                } else if (value instanceof Boolean b) {
                    gen.writeBooleanField(name, b);
                } else if (value != null) {
                    gen.writeStringField(name, value.toString());
                }
            }
            gen.writeStringField("kafkatopic", topic);
            gen.writeNumberField("kafkapartition", partition);
            gen.writeNumberField("kafkaoffset", offset);
            gen.writeFieldName("data");
            if (isSingleLine(data)) {
                // the data was parsed as JSON already: copying its bytes is cheaper than re-serialising
                gen.writeRawValue(new RawJson(data));
            } else {
                mapper.writeTree(gen, valid.data());
            }
            gen.writeEndObject();
            gen.writeRaw('\n');
            gen.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** True when {@code data} holds no CR or LF byte; reads eight bytes at a time (it runs for every event). */
    static boolean isSingleLine(byte[] data) {
        int i = 0;
        for (; i + Long.BYTES <= data.length; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            if (hasZeroByte(word ^ LF_BYTES) || hasZeroByte(word ^ CR_BYTES)) {
                return false;
            }
        }
        for (; i < data.length; i++) {
            if (data[i] == '\n' || data[i] == '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasZeroByte(long word) {
        return ((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0;
    }

    /** A byte buffer that can be emptied and reused. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(4096);
        }
    }

    /** Already-valid UTF-8 JSON, written by the generator as is. */
    private record RawJson(byte[] bytes) implements SerializableString {

        @Override
        public String getValue() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer out) {
            out.put(bytes);
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawJson other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return getValue();
        }
    }
}
