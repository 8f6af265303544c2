package io.glasslink.planning;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/** The business time zone of the network: every time on the wire is shown in Europe/Paris. */
public final class PlanningTime {

    /** Europe/Paris. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private PlanningTime() {
    }

    /**
     * Converts many instants, mostly in increasing order, to Paris time: the offset is looked up
     * in the zone rules once per period between two changes, not once per instant. Not thread-safe.
     */
    public static final class Offsets {

        private final ZoneRules rules = ZONE.getRules();
        private long validFrom = Long.MAX_VALUE;
        private long validUntil = Long.MIN_VALUE;
        private long doubledUntil = Long.MIN_VALUE;
        private long doubledFrom = Long.MAX_VALUE;
        private ZoneOffset offset;

        /** The epoch second as Paris local time with its offset. */
        public OffsetDateTime at(long epochSecond) {
            look(epochSecond);
            // not OffsetDateTime.ofInstant: it asks the offset for its rules, which builds new ones each time
            return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, 0, offset), offset);
        }

        /**
         * Whether the epoch second's Paris wall-clock time occurs twice (the hour repeated when the
         * clocks go back in October): read without its offset, such a time names two moments.
         */
        public boolean doubled(long epochSecond) {
            look(epochSecond);
            return epochSecond < doubledUntil || epochSecond >= doubledFrom;
        }

        private void look(long epochSecond) {
            if (epochSecond < validFrom || epochSecond >= validUntil) {
                Instant instant = Instant.ofEpochSecond(epochSecond);
                offset = rules.getOffset(instant);
                ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
                ZoneOffsetTransition next = rules.nextTransition(instant);
                validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
                validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
                // after a change back, the wall-clock times of the repeated hour come round again; before one, they come first
                doubledUntil = previous != null && previous.isOverlap()
                        ? validFrom + previous.getDuration().abs().toSeconds() : Long.MIN_VALUE;
                doubledFrom = next != null && next.isOverlap()
                        ? validUntil - next.getDuration().abs().toSeconds() : Long.MAX_VALUE;
            }
        }
    }

    /** The instant as Paris local time with its offset of the day (+01:00 or +02:00). */
    public static OffsetDateTime paris(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZONE);
    }
}
