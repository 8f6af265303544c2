package io.glasslink.booking.diagnosis;

/** Where the job happens: at a service centre, or at the customer's address by one of a centre's vans. */
public enum Mode {
    CENTRE, HOME
}
