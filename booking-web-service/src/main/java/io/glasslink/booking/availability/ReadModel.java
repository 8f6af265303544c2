package io.glasslink.booking.availability;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/** The cloud-side copy of stock levels and taken slots, fed from the Data Hub. */
public interface ReadModel {

    /** Units of a part available at a location, or 0 when unknown. */
    int available(String partNumber, String locationId);

    /** Starts of appointments known to be held or confirmed at a centre in a period. */
    Set<Instant> takenStarts(String centreId, OffsetDateTime from, OffsetDateTime to);
}
