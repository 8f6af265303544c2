package io.glasslink.planning.appointments;

/** Life cycle of an appointment: HELD, then CONFIRMED or EXPIRED; CANCELLED from HELD or CONFIRMED. */
public enum AppointmentStatus {
    HELD, CONFIRMED, CANCELLED, EXPIRED
}
