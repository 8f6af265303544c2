package io.glasslink.supplychain.web;

import java.beans.PropertyEditorSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The input rules of docs/contracts.md ("Input rules") for request bodies, parameters, path
 * variables and headers: no scalar coercion (a number is not a string, a boolean or an enum, "1" is
 * not a number, 1.0 is not an integer), unknown and repeated properties refused, strings trimmed,
 * control characters (U+0000–U+001F, U+007F–U+009F) refused, text made only of invisible characters
 * read as empty. Lengths and required fields are the DTOs' Bean Validation constraints. The rules
 * apply to what HTTP clients send; the outbox keeps reading its own events with the application's
 * mapper.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    /** Spring MVC's JSON converter, in its usual place among the converters, on a strict copy of the application's mapper. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonConverter(JsonMapper application) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(strict(application.rebuild()).build());
        return converters -> converters.withJsonConverter(strict);
    }

    /** {@code builder} with the input rules. */
    static JsonMapper.Builder strict(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfigDefaults(config -> {
                    for (CoercionInputShape shape : CoercionInputShape.values()) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                    config.setAcceptBlankAsEmpty(false);
                })
                .addModule(new SimpleModule("strict-text").addDeserializer(String.class, new StrictText()));
    }

    /** Text as the input rules read it: trimmed, empty when made only of invisible characters; refused with control characters. */
    static String clean(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CONTROL) {
                throw new RefusedText("must not contain control characters");
            }
        }
        int start = 0;
        int end = value.length();
        while (start < end && invisible(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && invisible(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    // white space (no-break spaces included), zero-width and other format characters
    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** Text the input rules refuse. */
    static final class RefusedText extends IllegalArgumentException {
        RefusedText(String message) {
            super(message);
        }
    }

    /** JSON strings only (no number, boolean, object or array read as text), cleaned by {@link #clean}. */
    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getString();
            try {
                return clean(value);
            } catch (RefusedText e) {
                throw InvalidFormatException.from(p, e.getMessage(), value, String.class);
            }
        }
    }

    /** The same rules for request parameters, path variables and headers read as text. */
    @ControllerAdvice
    static class StrictParameters {

        @InitBinder
        void strictText(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    String cleaned = text == null ? null : clean(text);
                    setValue(cleaned == null || cleaned.isEmpty() ? null : cleaned);
                }
            });
        }
    }
}
