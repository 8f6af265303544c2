package io.glasslink.datahub.catalogue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.glasslink.datahub.lake.LakeLayout;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.lake.StoredObject;
import org.springframework.stereotype.Service;

/**
 * Reads the catalogue from the store itself (a listing plus each object's record-count metadata,
 * cached per object version), so it is right whichever hub instance landed the data.
 */
@Service
public class LakeCatalogue {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final LakeStore store;
    private final LakeLayout layout;
    private final String bucket;
    private final Map<String, Long> recordsByVersion = new ConcurrentHashMap<>();

    public LakeCatalogue(LakeStore store, LakeProperties lake) {
        this.store = store;
        this.layout = new LakeLayout(lake.prefix());
        this.bucket = lake.bucket();
    }

    /** Every dataset of the lake, sorted by domain and event type. */
    public List<Dataset> datasets() {
        return build(layout.prefix());
    }

    /** One dataset, empty when nothing has landed for it. */
    public Optional<Dataset> dataset(String domain, String eventType) {
        return build(layout.prefix() + domain + "/" + eventType + "/").stream().findFirst();
    }

    private List<Dataset> build(String prefix) {
        Map<String, Map<String, List<StoredObject>>> grouped = new TreeMap<>();
        for (StoredObject object : store.list(prefix)) {
            layout.parse(object.key()).ifPresent(key -> grouped
                    .computeIfAbsent(key.domain() + "/" + key.eventType(), k -> new TreeMap<>())
                    .computeIfAbsent("dt=" + key.dt() + "/hr=" + key.hr(), k -> new ArrayList<>())
                    .add(object));
        }
        List<Dataset> datasets = new ArrayList<>();
        grouped.forEach((name, partitions) -> {
            String location = "s3://" + bucket + "/" + layout.prefix() + name + "/";
            List<Dataset.Partition> parts = new ArrayList<>();
            partitions.forEach((folder, objects) -> {
                Totals t = totals(objects);
                parts.add(new Dataset.Partition(folder.substring(3, 13), folder.substring(17), location + folder + "/",
                        objects.size(), t.records, t.bytes, t.lastLanded.atZone(PARIS).toOffsetDateTime()));
            });
            String[] parts2 = name.split("/");
            datasets.add(new Dataset(parts2[0], parts2[1], location,
                    parts.stream().mapToLong(Dataset.Partition::objects).sum(),
                    parts.stream().mapToLong(Dataset.Partition::records).sum(),
                    parts.stream().mapToLong(Dataset.Partition::bytes).sum(),
                    parts.stream().map(Dataset.Partition::lastLanded).max(OffsetDateTime::compareTo).orElse(null),
                    parts));
        });
        return datasets;
    }

    private Totals totals(List<StoredObject> objects) {
        long records = 0;
        long bytes = 0;
        Instant last = Instant.EPOCH;
        for (StoredObject o : objects) {
            records += Math.max(0, recordsByVersion.computeIfAbsent(o.key() + "@" + o.etag(), k -> store.records(o.key())));
            bytes += o.size();
            if (o.lastModified() != null && o.lastModified().isAfter(last)) {
                last = o.lastModified();
            }
        }
        return new Totals(records, bytes, last);
    }

    private record Totals(long records, long bytes, Instant lastLanded) {
    }
}
