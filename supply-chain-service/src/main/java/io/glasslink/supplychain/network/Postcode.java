package io.glasslink.supplychain.network;

import java.util.regex.Pattern;

/** A French 5-digit postcode; its département is its first two digits. */
public record Postcode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{5}");

    /** Rejects anything that is not five digits. */
    public Postcode {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new MalformedPostcodeException(value);
        }
    }

    /** The two-digit département (Corsica is {@code 20}). */
    public String departement() {
        return value.substring(0, 2);
    }

    /** Raised for a postcode that is not five digits. */
    public static final class MalformedPostcodeException extends IllegalArgumentException {
        MalformedPostcodeException(String value) {
            super("postcode must be 5 digits, got '" + value + "'");
        }
    }
}
