package io.glasslink.booking.diagnosis;

/** What the customer sees on the glass. */
public enum DamageType {
    CHIP, CRACK
}
