package io.glasslink.booking.centres;

import java.util.regex.Pattern;

/** A French 5-digit postcode; the département is its first two digits. */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{5}");

    public Postcode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new MalformedPostcodeException(value);
        }
    }

    /** The two-digit département (Corsica's 2A/2B codes start with 20). */
    public String departement() {
        return value.substring(0, 2);
    }

    /** A value that is not a 5-digit French postcode. */
    public static class MalformedPostcodeException extends IllegalArgumentException {
        public MalformedPostcodeException(String value) {
            super("'" + value + "' is not a 5-digit French postcode");
        }
    }
}
