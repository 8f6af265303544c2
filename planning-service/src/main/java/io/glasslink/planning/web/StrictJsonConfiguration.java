package io.glasslink.planning.web;

import java.beans.PropertyEditorSupport;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The input rules of docs/contracts.md for this API, as framework configuration: Jackson refuses
 * scalar coercion (a number is not an enum, a boolean, a string or a date; {@code "1"} is not a
 * number), unknown properties and trailing tokens; every JSON string is trimmed, refused when it
 * holds a control character or an unpaired surrogate, and empty when it is made only of invisible
 * characters; query parameters follow the same rules (the firewall refuses control characters, a
 * boolean is {@code true} or {@code false}). Required fields and maximum lengths are Bean Validation constraints on the request types.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .defaultLeniency(false)
                .withCoercionConfig(LogicalType.Textual, c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.String, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Integer, c -> refuse(c, CoercionInputShape.String, CoercionInputShape.Float,
                        CoercionInputShape.Boolean, CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.Enum, c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.EmptyString))
                .withCoercionConfig(LogicalType.DateTime, c -> refuse(c, CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.EmptyString))
                .addModule(new SimpleModule("glasslink-strict-input").addDeserializer(String.class, new StrictText())
                        .addDeserializer(OffsetDateTime.class, new StrictDateTime()));
    }

    private static void refuse(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Query parameters with a control character are refused (400) before they reach a controller. */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(Predicate.not(StrictText::hasControlCharacter));
        return firewall;
    }

    /**
     * A query parameter is a boolean only when it reads {@code true} or {@code false} (not {@code 1},
     * {@code yes}, {@code on}): an editor, since the data binder falls back to its lenient default
     * editor when a converter refuses.
     */
    @ControllerAdvice
    static class StrictParameters {

        @InitBinder
        void strictBooleans(WebDataBinder binder) {
            PropertyEditorSupport strict = new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    switch (text) {
                        case "true" -> setValue(Boolean.TRUE);
                        case "false" -> setValue(Boolean.FALSE);
                        default -> throw new IllegalArgumentException("a boolean is true or false");
                    }
                }
            };
            binder.registerCustomEditor(boolean.class, strict);
            binder.registerCustomEditor(Boolean.class, strict);
        }
    }

    /** A string read from JSON, refused when it breaks an input rule (a 400 naming the field). */
    static final class InvalidTextException extends MismatchedInputException {

        InvalidTextException(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }

    /**
     * A date and time is an RFC 3339 string with its offset: Jackson's own reader would also take a
     * number as epoch seconds (its coercion settings do not reach it).
     */
    static final class StrictDateTime extends StdScalarDeserializer<OffsetDateTime> {

        StrictDateTime() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            String text = p.getString().strip();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text,
                        "must be a date and time with its offset (RFC 3339)");
            }
        }
    }

    /** Every JSON string of a request: trimmed, checked, invisible-only text made empty. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            if (hasControlCharacter(text)) {
                throw new InvalidTextException(p, "must not contain control characters");
            }
            if (hasUnpairedSurrogate(text)) {
                throw new InvalidTextException(p, "must be valid Unicode text");
            }
            return trim(text);
        }

        /** U+0000-U+001F and U+007F-U+009F (NUL, line breaks and tabs included). */
        static boolean hasControlCharacter(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasUnpairedSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }

        /** Without the invisible characters (white space, zero-width and format characters) at either end. */
        static String trim(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && invisible(text.codePointAt(start))) {
                start += Character.charCount(text.codePointAt(start));
            }
            while (end > start && invisible(text.codePointBefore(end))) {
                end -= Character.charCount(text.codePointBefore(end));
            }
            return start == 0 && end == text.length() ? text : text.substring(start, end);
        }

        private static boolean invisible(int codePoint) {
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || Character.getType(codePoint) == Character.FORMAT;
        }
    }
}
