package io.glasslink.planning.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
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
 * boolean is {@code true} or {@code false}); a body over {@link #MAX_BODY_BYTES} is refused with 413.
 * Required fields and maximum lengths are Bean Validation constraints on the request types.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /** The largest request body accepted (the largest request, a 20-centre search, is under 1 KiB). */
    static final int MAX_BODY_BYTES = 16 * 1024;

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

    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(new BodySizeLimit());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
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

    /**
     * Refuses a body over the limit: by its {@code Content-Length} at once (413 through the error
     * page), a chunked one when it reads past the limit (413 from {@link ProblemDetailsAdvice}).
     */
    static final class BodySizeLimit extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request) : request, response);
        }
    }

    /** The body read past the limit. */
    static final class ContentTooLargeException extends IOException {

        ContentTooLargeException() {
            super("the body is over " + MAX_BODY_BYTES + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws ContentTooLargeException {
                        read += n;
                        if (read > MAX_BODY_BYTES) {
                            throw new ContentTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
