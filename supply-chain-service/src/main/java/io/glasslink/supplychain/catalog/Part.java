package io.glasslink.supplychain.catalog;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A glass part, identified by a Eurocode-style number (4-digit vehicle code, glass type letter,
 * tint and attribute letters). {@code supplierLeadDays} is empty when the supplier no longer
 * makes it: then only the stock in the network can serve it.
 */
public record Part(String partNumber, GlassType glassType, String description, boolean adasCamera,
                   boolean heated, boolean acoustic, boolean rainSensor, Integer supplierLeadDays) {

    /** Shape of a part number: four digits, then 2 to 12 capitals or digits. */
    public static final Pattern NUMBER = Pattern.compile("[0-9]{4}[A-Z0-9]{2,12}");

    /** Whether a fitter must recalibrate the ADAS camera after fitting this part. */
    public boolean calibrationNeeded() {
        return adasCamera;
    }

    /** Working days the supplier needs to deliver it to the distribution centre, if it still does. */
    public OptionalInt supplierLeadTime() {
        return supplierLeadDays == null ? OptionalInt.empty() : OptionalInt.of(supplierLeadDays);
    }

    /** Whether {@code candidate} has the shape of a part number. */
    public static boolean isWellFormedNumber(String candidate) {
        return candidate != null && NUMBER.matcher(candidate).matches();
    }
}
