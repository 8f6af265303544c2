package io.glasslink.datahub.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.datahub.contracts.EventType;

/**
 * Object keys of the lake: {@code <prefix>/<domain>/<EventName>.v<N>/dt=YYYY-MM-DD/hr=HH/<topic>+<partition>+<startOffset>.jsonl.gz},
 * partitioned by event time in UTC, Hive-style.
 */
public final class LakeLayout {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("'dt='yyyy-MM-dd'/hr='HH").withZone(ZoneOffset.UTC);
    private static final Pattern KEY = Pattern.compile(
            "([a-z][a-z0-9]*)/([A-Z][A-Za-z0-9]*\\.v[0-9]+)/dt=(\\d{4}-\\d{2}-\\d{2})/hr=(\\d{2})/(.+)\\+(\\d+)\\+(\\d+)\\.jsonl\\.gz");

    private final String prefix;

    public LakeLayout(String prefix) {
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The folder (ending in '/') of the event-time hour of {@code type}. */
    public String folder(EventType type, Instant eventTime) {
        return prefix + type.domain() + "/" + type.versionedName() + "/" + FOLDER.format(eventTime) + "/";
    }

    /** The file name of a file starting at {@code startOffset}. */
    public static String fileName(String topic, int partition, long startOffset) {
        return topic + "+" + partition + "+" + startOffset + ".jsonl.gz";
    }

    /** The lake prefix, ending in '/'. */
    public String prefix() {
        return prefix;
    }

    /** Splits a key of this layout into its parts, empty for any other key. */
    public Optional<Key> parse(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.substring(prefix.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Key(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
                Integer.parseInt(m.group(6)), Long.parseLong(m.group(7))));
    }

    /** The parts of a lake key. */
    public record Key(String domain, String eventType, String dt, String hr, String topic, int partition, long startOffset) {
    }
}
