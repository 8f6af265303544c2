package io.glasslink.booking.support;

import java.util.Map;

import io.glasslink.booking.config.BookingProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The service's settings as plain tests need them: bound by Boot from the given values, defaults for the rest. */
public final class Settings {

    private Settings() {
    }

    /** {@code glasslink.booking.*} with its defaults, overridden by {@code values} (keys without the prefix). */
    public static BookingProperties booking(Map<String, String> values) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        values.forEach((k, v) -> prefixed.put("glasslink.booking." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("glasslink.booking", BookingProperties.class);
    }

    /** {@code glasslink.booking.*} with its defaults. */
    public static BookingProperties booking() {
        return booking(Map.of());
    }
}
