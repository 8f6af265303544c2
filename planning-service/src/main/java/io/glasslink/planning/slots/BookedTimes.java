package io.glasslink.planning.slots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The time technicians are already booked (live holds and confirmed appointments). */
public interface BookedTimes {

    /**
     * Live bookings of these technicians overlapping [from, to), by technician id, leaving out the
     * appointment {@code excluding} (the one being moved; null for none).
     */
    Map<String, List<Interval>> booked(Collection<String> technicianIds, Instant from, Instant to, UUID excluding);
}
