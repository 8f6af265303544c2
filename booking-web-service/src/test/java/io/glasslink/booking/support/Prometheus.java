package io.glasslink.booking.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape, as a dashboard query would pick them. */
public final class Prometheus {

    private Prometheus() {
    }

    /** The value of the first sample of {@code name} whose labels contain each of {@code labels}. */
    public static double value(String scrape, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        while (m.find()) {
            String sampleLabels = m.group(1) == null ? "" : m.group(1);
            boolean matches = true;
            for (String label : labels) {
                matches &= sampleLabels.contains(label);
            }
            if (matches) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + String.join(",", labels));
    }

    /** The same, 0 when there is no such sample yet. */
    public static double valueOrZero(String scrape, String name, String... labels) {
        try {
            return value(scrape, name, labels);
        } catch (AssertionError none) {
            return 0;
        }
    }
}
