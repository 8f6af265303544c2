package io.glasslink.link;

import io.glasslink.link.paths.DirectionSettings;
import io.glasslink.link.paths.InvalidSettingException;
import io.glasslink.link.paths.LinkProfile;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import io.glasslink.link.paths.PathProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ClassPathResource;

/** The link profiles defined in YAML under {@code link.profiles} (built-in ones in {@code link-profiles.yml}). */
public final class LinkProfiles {

    /** Classpath resource holding the built-in profiles ({@code dx}, {@code zero}, {@code vpn-only}, {@code degraded}). */
    public static final String RESOURCE = "link-profiles.yml";

    private LinkProfiles() {
    }

    /** The built-in profiles, read from {@link #RESOURCE}. */
    public static Map<String, LinkProfile> builtIn() {
        try {
            var sources = new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
            return bind(new Binder(ConfigurationPropertySources.from(sources)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profiles found under {@code link.profiles} of the given configuration. */
    public static Map<String, LinkProfile> bind(Binder binder) {
        Bindable<Map<String, Map<String, PathProperties>>> type = Bindable.of(ResolvableType.forClassWithGenerics(
                Map.class, ResolvableType.forClass(String.class),
                ResolvableType.forClassWithGenerics(Map.class, String.class, PathProperties.class)));
        Map<String, Map<String, PathProperties>> raw = binder.bind("link.profiles", type).orElse(Map.of());
        Map<String, LinkProfile> profiles = new LinkedHashMap<>();
        raw.forEach((name, paths) -> {
            Map<PathId, PathProfile> byPath = new LinkedHashMap<>();
            paths.forEach((pathName, properties) -> byPath.put(PathId.fromWireName(pathName)
                    .orElseThrow(() -> new InvalidSettingException("unknown path " + pathName + " in profile " + name)),
                    properties.toProfile()));
            profiles.put(name, new LinkProfile(name, byPath));
        });
        return profiles;
    }

    /**
     * One path of a profile as written in YAML: the same settings in both directions.
     *
     * @param latencyMs      one-way latency in ms
     * @param jitterMs       jitter in ms (uniform ±)
     * @param bandwidthMbps  bandwidth in Mbit/s, 0 = unlimited
     * @param limitDataBytes bytes per connection and direction before it is closed, 0 = unlimited
     * @param slowCloseMs    delay before a close is passed on, in ms
     * @param outage         outage mode, none by default
     */
    public record PathProperties(Double latencyMs, Double jitterMs, Double bandwidthMbps, Long limitDataBytes,
            Double slowCloseMs, OutageMode outage) {

        PathProfile toProfile() {
            return PathProfile.symmetric(new DirectionSettings(orZero(latencyMs), orZero(jitterMs),
                    orZero(bandwidthMbps), limitDataBytes == null ? 0 : limitDataBytes, orZero(slowCloseMs),
                    outage == null ? OutageMode.NONE : outage));
        }

        private static double orZero(Double value) {
            return value == null ? 0 : value;
        }
    }
}
