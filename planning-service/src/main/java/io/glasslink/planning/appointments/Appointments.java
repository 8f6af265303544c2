package io.glasslink.planning.appointments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.glasslink.planning.slots.Interval;

/** Stored appointments. */
public interface Appointments {

    /** The appointment with this id. */
    Optional<Appointment> find(UUID appointmentId);

    /** The appointment with this id, locked until the end of the transaction. */
    Optional<Appointment> lock(UUID appointmentId);

    /**
     * Inserts a hold, created at {@code now}, unless it overlaps a live appointment of the same
     * technician (the database decides); false leaves the transaction usable.
     */
    boolean insertIfFree(Appointment appointment, Instant now);

    /** Moves an appointment to its new technician and time unless that overlaps; false leaves the transaction usable. */
    boolean moveIfFree(Appointment moved, Instant now);

    /** Stores a new status (and expiry), changed at {@code now}. */
    void updateStatus(Appointment appointment, Instant now);

    /** Marks up to {@code limit} due holds as expired, skipping rows other instances hold, and returns them. */
    List<Appointment> expireDue(Instant now, int limit);

    /** Marks the due holds of these technicians overlapping {@code range} as expired and returns them. */
    List<Appointment> expireDueOverlapping(Collection<String> technicianIds, Interval range, Instant now);
}
