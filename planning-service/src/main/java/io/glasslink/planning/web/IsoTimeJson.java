package io.glasslink.planning.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.glasslink.planning.slots.SlotSearchResult;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Times go on the wire as ISO-8601 with their offset ({@code 2026-12-01T09:15:00+01:00}), exactly
 * as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes them, but without its generic
 * formatting machinery: a slot search answers hundreds of them, and the formatter was the
 * largest CPU cost of a search. Slots are written field by field for the same reason.
 */
@Configuration(proxyBeanMethods = false)
class IsoTimeJson {

    @Bean
    JacksonModule isoOffsetDateTimeModule() {
        return new SimpleModule("planning-iso-time").addSerializer(OffsetDateTime.class, new OffsetDateTimeSerializer())
                .addSerializer(SlotSearchResult.Slot.class, new SlotSerializer());
    }

    /** A slot, the most repeated object of the API ({@code {"start","end","capacity"}}), written field by field. */
    static final class SlotSerializer extends StdSerializer<SlotSearchResult.Slot> {

        private static final SerializedString START = new SerializedString("start");
        private static final SerializedString END = new SerializedString("end");

        private final OffsetDateTimeSerializer times = new OffsetDateTimeSerializer();

        SlotSerializer() {
            super(SlotSearchResult.Slot.class);
        }

        @Override
        public void serialize(SlotSearchResult.Slot slot, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject(slot);
            gen.writeName(START);
            times.serialize(slot.start(), gen, ctxt);
            gen.writeName(END);
            times.serialize(slot.end(), gen, ctxt);
            gen.writeNumberProperty("capacity", slot.capacity());
            gen.writeEndObject();
        }
    }

    /** Writes whole-second times with a whole-minute offset directly; anything else through the JDK formatter. */
    static final class OffsetDateTimeSerializer extends StdSerializer<OffsetDateTime> {

        OffsetDateTimeSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
            char[] text = new char[25];
            int length = format(value, text);
            if (length < 0) {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            } else {
                gen.writeString(text, 0, length);
            }
        }

        /** Fills {@code out} and answers the length, or -1 when the JDK formatter must do it. */
        static int format(OffsetDateTime t, char[] out) {
            int year = t.getYear();
            int offset = t.getOffset().getTotalSeconds();
            if (t.getNano() != 0 || year < 0 || year > 9999 || offset % 60 != 0) {
                return -1;
            }
            four(out, 0, year);
            out[4] = '-';
            two(out, 5, t.getMonthValue());
            out[7] = '-';
            two(out, 8, t.getDayOfMonth());
            out[10] = 'T';
            two(out, 11, t.getHour());
            out[13] = ':';
            two(out, 14, t.getMinute());
            out[16] = ':';
            two(out, 17, t.getSecond());
            if (offset == 0) {
                out[19] = 'Z';
                return 20;
            }
            out[19] = offset < 0 ? '-' : '+';
            int minutes = Math.abs(offset) / 60;
            two(out, 20, minutes / 60);
            out[22] = ':';
            two(out, 23, minutes % 60);
            return 25;
        }

        private static void two(char[] out, int at, int value) {
            out[at] = (char) ('0' + value / 10);
            out[at + 1] = (char) ('0' + value % 10);
        }

        private static void four(char[] out, int at, int value) {
            two(out, at, value / 100);
            two(out, at + 2, value % 100);
        }
    }
}
