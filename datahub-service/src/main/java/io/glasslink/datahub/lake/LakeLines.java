package io.glasslink.datahub.lake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.glasslink.datahub.contracts.ValidEvent;

/**
 * Encodes a validated event as one line of the lake: the CloudEvent in JSON structured form
 * ({@code data} embedded as JSON), plus the extension attributes {@code kafkatopic},
 * {@code kafkapartition} and {@code kafkaoffset} that say where it was read.
 */
public final class LakeLines {

    private static final byte[] DATA_FIELD = ",\"data\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "}\n".getBytes(StandardCharsets.US_ASCII);

    private final JsonFactory factory = new JsonFactory();
    private final ObjectMapper mapper = new ObjectMapper();

    /** The line, newline-terminated, UTF-8. */
    public byte[] encode(ValidEvent valid, String topic, int partition, long offset) {
        CloudEvent event = valid.event();
        byte[] data = event.getData().toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 512);
        try {
            JsonGenerator gen = factory.createGenerator(out);
            gen.writeStartObject();
            gen.writeStringField("specversion", event.getSpecVersion().toString());
            gen.writeStringField("id", event.getId());
            gen.writeStringField("source", event.getSource().toString());
            gen.writeStringField("type", event.getType());
            gen.writeStringField("subject", event.getSubject());
            gen.writeStringField("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(valid.time()));
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
            if (isSingleLine(data)) {
                // the data was parsed as JSON already: copying its bytes is cheaper than re-serialising
                gen.flush();
                out.write(DATA_FIELD);
                out.write(data);
                out.write(END);
            } else {
                gen.writeFieldName("data");
                mapper.writeTree(gen, valid.data());
                gen.writeEndObject();
                gen.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isSingleLine(byte[] data) {
        for (byte b : data) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
    }
}
