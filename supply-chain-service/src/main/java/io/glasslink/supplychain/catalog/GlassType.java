package io.glasslink.supplychain.catalog;

/** Which glass of the vehicle a part is. */
public enum GlassType {
    WINDSCREEN, REAR_WINDOW, SIDE_WINDOW
}
