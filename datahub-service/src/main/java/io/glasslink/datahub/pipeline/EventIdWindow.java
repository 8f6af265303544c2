package io.glasslink.datahub.pipeline;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The CloudEvent ids of one partition's last {@code size} offsets: a record is a repeat when a valid,
 * routed record with the same id sits at one of the {@code size} offsets before it. The answer depends
 * on the log alone, so a replay from any offset (after a crash, a rebalance or a failed landing) decides
 * the same as the first reading, provided the window was rebuilt by reading those offsets again.
 *
 * <p>Not thread-safe: one per partition lane, used by its tasks one after the other.
 */
final class EventIdWindow {

    private final long size;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    // each id's latest offset in the window
    private final Map<String, Long> latest = new HashMap<>();

    /** @param size how many offsets before a record are searched for its id; 0 turns the check off */
    EventIdWindow(long size) {
        this.size = size;
    }

    /**
     * Records that the record at {@code offset} (offsets only grow) carries {@code id}.
     *
     * @return true when a record within the window before it carries the same id
     */
    boolean repeat(long offset, String id) {
        if (size <= 0) {
            return false;
        }
        long from = offset - size;
        for (Entry oldest = entries.peekFirst(); oldest != null && oldest.offset() < from; oldest = entries.peekFirst()) {
            entries.pollFirst();
            latest.remove(oldest.id(), oldest.offset());
        }
        boolean repeat = latest.containsKey(id);
        latest.put(id, offset);
        entries.addLast(new Entry(offset, id));
        return repeat;
    }

    /** How many records the window holds now. */
    int held() {
        return entries.size();
    }

    private record Entry(long offset, String id) {
    }
}
