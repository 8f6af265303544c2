package io.glasslink.planning.network;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Map;

/** A service centre with its opening hours per day of week (a missing day is closed). */
public record Centre(String centreId, String name, String postcode, String city, String departement, int vans,
                     Map<DayOfWeek, OpeningHours> opening) {

    /** Opening hours of one day. */
    public record OpeningHours(LocalTime opens, LocalTime closes) {
    }

    /** Whether the centre has mobile vans serving homes of its département. */
    public boolean hasVans() {
        return vans > 0;
    }
}
