package io.glasslink.booking.onprem.http;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the on-prem answers' timestamps without {@code DateTimeFormatter}. A planning slot search
 * answers thousands of slots (every start on a 15-minute grid, 14 days, several centres), two
 * timestamps each; with the JDK formatter that parsing was the largest part of booking-web's own
 * CPU time per availability search (JFR, docs/benchmarks.md). The shape the on-prem services write,
 * {@code yyyy-MM-ddTHH:mm[:ss](Z|±HH:MM)}, is read by hand; anything else goes to Jackson's own
 * deserializer, and the result is adjusted to the context time zone as Jackson's would be.
 */
final class OnPremTimestamps extends ValueDeserializer<OffsetDateTime> {

    private OnPremTimestamps() {
    }

    /** The module to register on the on-prem clients' JSON mapper. */
    static SimpleModule module() {
        return new SimpleModule("on-prem-timestamps").addDeserializer(OffsetDateTime.class, new OnPremTimestamps());
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
        OffsetDateTime parsed = p.currentToken() == JsonToken.VALUE_STRING ? parse(p.getString()) : null;
        if (parsed == null) {
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
        }
        if (!ctxt.isEnabled(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
            return parsed;
        }
        TimeZone zone = ctxt.getTimeZone();
        ZoneOffset offset = zone == null ? ZoneOffset.UTC : zone.toZoneId().getRules().getOffset(parsed.toLocalDateTime());
        return parsed.withOffsetSameInstant(offset);
    }

    /** The timestamp, or null when it is not in the plain shape (the caller then uses the full parser). */
    static OffsetDateTime parse(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int i = 16;
        int second = 0;
        if (n > 19 && s.charAt(16) == ':') {
            second = digits(s, 17, 2);
            i = 19;
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (java.time.DateTimeException e) {
            return null; // out of range: let the full parser report it
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
