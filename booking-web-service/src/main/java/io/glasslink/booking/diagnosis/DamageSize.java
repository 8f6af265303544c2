package io.glasslink.booking.diagnosis;

/** The size of an impact compared to a coin, the way the trade asks customers to measure it. */
public enum DamageSize {
    /** Smaller than a 2-euro coin (about 25 mm): repairable. */
    SMALLER_THAN_2_EURO_COIN,
    /** Larger than a 2-euro coin: too big to repair. */
    LARGER_THAN_2_EURO_COIN
}
