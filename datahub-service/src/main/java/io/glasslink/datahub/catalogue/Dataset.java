package io.glasslink.datahub.catalogue;

import java.time.Instant;
import java.util.List;

/** One dataset of the lake (one event type and version) and its event-time partitions. */
public record Dataset(String domain, String eventType, String location, long objects, long records, long bytes,
                      Instant lastLanded, List<Partition> partitions) {

    /** One Hive partition {@code dt=/hr=} of a dataset. */
    public record Partition(String dt, String hr, String location, long objects, long records, long bytes, Instant lastLanded) {
    }
}
