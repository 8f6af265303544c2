package io.glasslink.datahub.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One dataset of the lake (one event type and version) and its event-time partitions; {@code lastLanded}
 * is the time the newest object was written, with the offset Europe/Paris has at that instant.
 */
public record Dataset(String domain, String eventType, String location, long objects, long records, long bytes,
                      OffsetDateTime lastLanded, List<Partition> partitions) {

    /** One Hive partition {@code dt=/hr=} (the events' UTC date and hour) of a dataset. */
    public record Partition(String dt, String hr, String location, long objects, long records, long bytes,
                            OffsetDateTime lastLanded) {
    }
}
