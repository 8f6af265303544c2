package io.glasslink.planning.slots;

/** Where the job is done: in the centre, or at the customer's home by a van. */
public enum Mode {
    CENTRE, HOME
}
