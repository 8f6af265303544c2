package io.glasslink.planning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The business time zone of the network: every time on the wire is shown in Europe/Paris. */
public final class PlanningTime {

    /** Europe/Paris. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private PlanningTime() {
    }

    /** The instant as Paris local time with its offset of the day (+01:00 or +02:00). */
    public static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
