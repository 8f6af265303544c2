package io.glasslink.planning.network;

import java.util.regex.Pattern;

/** A metropolitan French postcode; its département is its first two digits. */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{5}");

    /** Parses a postcode, refusing anything that is not five digits. */
    public Postcode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a postcode is five digits");
        }
    }

    /** Whether {@code value} is a well-formed postcode. */
    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The two-digit département (Corsica's 2A/2B postcodes start with 20). */
    public String departement() {
        return value.substring(0, 2);
    }
}
