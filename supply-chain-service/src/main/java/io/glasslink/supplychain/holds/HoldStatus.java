package io.glasslink.supplychain.holds;

/** Life cycle of a part hold: HELD, then CONFIRMED, RELEASED or EXPIRED. */
public enum HoldStatus {
    HELD, CONFIRMED, RELEASED, EXPIRED
}
