package io.glasslink.datahub.lake;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.glasslink.datahub.contracts.EventType;

/**
 * The records of one Kafka partition read since its last committed offset, buffered as one gzip
 * file per event type and event-time hour.
 *
 * <p>Why this is exactly-once: a batch always starts at the committed offset, every file is named
 * after the offset of its first record, and the offset is committed only once every file of the
 * batch is stored. After a crash the records are read again from that offset, so each file that was
 * already stored is rewritten under the same key with the same first record — whatever the new
 * batch boundaries — and no record lands under two keys.
 */
public final class PartitionBatch {

    private final String topic;
    private final int partition;
    private final long startOffset;
    private final long openedAtNanos;
    private final LakeLayout layout;
    private final LakeProperties settings;
    private final Map<FileKey, LakeFile> files = new LinkedHashMap<>();
    private long lastOffset;
    private long records;
    private long duplicates;
    private long bytes;
    private Instant windowEnd;
    private Instant newestEventTime;

    public PartitionBatch(String topic, int partition, long startOffset, long openedAtNanos, LakeLayout layout, LakeProperties settings) {
        this.topic = topic;
        this.partition = partition;
        this.startOffset = startOffset;
        this.lastOffset = startOffset - 1;
        this.openedAtNanos = openedAtNanos;
        this.layout = layout;
        this.settings = settings;
    }

    /** True when an event of {@code eventTime} falls after this batch's event-time window: land the batch first. */
    public boolean endsBefore(Instant eventTime) {
        return windowEnd != null && !eventTime.isBefore(windowEnd);
    }

    /** Adds one lake line for the record at {@code offset}. */
    public void append(EventType type, Instant eventTime, byte[] line, long offset) {
        append(type, eventTime, line, line.length, offset);
    }

    /** Adds one lake line, the first {@code length} bytes of {@code line} (copied), for the record at {@code offset}. */
    public void append(EventType type, Instant eventTime, byte[] line, int length, long offset) {
        if (windowEnd == null) {
            long interval = settings.eventTimeInterval().toMillis();
            windowEnd = Instant.ofEpochMilli(Math.floorDiv(eventTime.toEpochMilli(), interval) * interval + interval);
        }
        FileKey key = new FileKey(type, Math.floorDiv(eventTime.getEpochSecond(), 3600));
        LakeFile file = files.get(key);
        if (file == null) {
            file = new LakeFile(layout.folder(type, eventTime), offset);
            files.put(key, file);
        }
        file.append(line, length, offset, eventTime);
        if (newestEventTime == null || eventTime.isAfter(newestEventTime)) {
            newestEventTime = eventTime;
        }
        records++;
        bytes += length;
        lastOffset = offset;
    }

    /** Marks the record at {@code offset} as handled without a lake line (dead-lettered or not routed to the lake). */
    public void skip(long offset) {
        lastOffset = offset;
    }

    /** Marks the record at {@code offset} as a repeat of an event id already landed: it gets no lake line. */
    public void duplicate(long offset) {
        lastOffset = offset;
        duplicates++;
    }

    /** True when the record-count or size limit is reached. */
    public boolean full() {
        return records >= settings.maxRecords() || bytes >= settings.maxBytes().toBytes();
    }

    /** True when the batch has been open for the idle-flush interval. */
    public boolean due(long nowNanos) {
        return nowNanos - openedAtNanos >= settings.flushAfter().toNanos();
    }

    /** Closes every file and returns them ready to store. */
    public List<LakeObject> seal() {
        List<LakeObject> objects = new ArrayList<>(files.size());
        for (LakeFile file : files.values()) {
            objects.add(file.seal());
        }
        return objects;
    }

    /** The offset to commit once the batch is landed. */
    public long nextOffset() {
        return lastOffset + 1;
    }

    /** The offset the batch started at: where to resume if landing it fails. */
    public long startOffset() {
        return startOffset;
    }

    /** Lake lines held. */
    public long records() {
        return records;
    }

    /** Records dropped as repeats of an event id ({@link #duplicate}). */
    public long duplicates() {
        return duplicates;
    }

    /** The latest event time among the lake lines, null when there is none. */
    public Instant newestEventTime() {
        return newestEventTime;
    }

    /** The latest event time among the lake lines of each event type (dataset) the batch holds. */
    public Map<EventType, Instant> newestEventTimes() {
        Map<EventType, Instant> newest = new LinkedHashMap<>();
        for (Map.Entry<FileKey, LakeFile> file : files.entrySet()) {
            newest.merge(file.getKey().type(), file.getValue().newest, (a, b) -> a.isAfter(b) ? a : b);
        }
        return newest;
    }

    /** When the batch was opened ({@link System#nanoTime()}): its first record was read then. */
    public long openedAtNanos() {
        return openedAtNanos;
    }

    /** True when no record at all was taken. */
    public boolean isEmpty() {
        return lastOffset < startOffset;
    }

    /** One file per event type and event-time hour. */
    private record FileKey(EventType type, long epochHour) {
    }

    private final class LakeFile {
        private final String folder;
        private final long firstOffset;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024);
        private final OutputStream gzip;
        private long count;
        private long last;
        private Instant newest;

        LakeFile(String folder, long firstOffset) {
            this.folder = folder;
            this.firstOffset = firstOffset;
            try {
                // lines are gathered into large blocks: one deflate call per block, not per 1 KB line
                this.gzip = new BufferedOutputStream(new GZIPOutputStream(buffer, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                }, 256 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void append(byte[] line, int length, long offset, Instant eventTime) {
            try {
                gzip.write(line, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
            last = offset;
            if (newest == null || eventTime.isAfter(newest)) {
                newest = eventTime;
            }
        }

        LakeObject seal() {
            try {
                gzip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new LakeObject(folder + LakeLayout.fileName(topic, partition, firstOffset), buffer.toByteArray(), count, firstOffset, last);
        }
    }
}
