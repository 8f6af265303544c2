package io.glasslink.planning.slots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The time technicians cannot take a new job: their live bookings and their absences, read together. */
public interface BusyTimes {

    /**
     * Busy time of these technicians: live bookings (confirmed, or held and not yet lapsed at
     * {@code now}) overlapping {@code bookings}, absences overlapping {@code absences}, leaving out
     * the appointment {@code excluding} (the one being moved; null for none).
     */
    Busy busy(Collection<String> technicianIds, Interval bookings, Interval absences, Instant now, UUID excluding);

    /**
     * Busy ranges by technician id. {@code lapsedHolds}: some hold in the bookings range has
     * lapsed but is not marked expired yet (it is not busy time, but it still blocks a write).
     */
    record Busy(Map<String, List<Interval>> booked, Map<String, List<Interval>> absent, boolean lapsedHolds) {
    }
}
