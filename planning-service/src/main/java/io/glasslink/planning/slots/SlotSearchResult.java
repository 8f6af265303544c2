package io.glasslink.planning.slots;

import java.time.OffsetDateTime;
import java.util.List;

/** Free start times per centre, without saying which technician. */
public record SlotSearchResult(String zone, long jobDurationMinutes, List<CentreSlots> results) {

    /** The slots of one centre, in the centre or at home by its vans. */
    public record CentreSlots(String centreId, Mode mode, List<Slot> slots) {
    }

    /** One start time and how many technicians could take it. */
    public record Slot(OffsetDateTime start, OffsetDateTime end, int capacity) {
    }
}
