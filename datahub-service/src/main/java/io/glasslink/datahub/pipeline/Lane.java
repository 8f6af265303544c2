package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.glasslink.datahub.contracts.EventType;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.contracts.InvalidEventException;
import io.glasslink.datahub.contracts.ValidEvent;
import io.glasslink.datahub.lake.LakeLayout;
import io.glasslink.datahub.lake.LakeLines;
import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.lake.PartitionBatch;
import io.glasslink.datahub.routing.Router;
import io.glasslink.datahub.routing.Sink;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of one assigned partition, done in offset order on the shared processing threads: per
 * record, read the CloudEvent, validate it, dead-letter it if invalid, forward it to its sink topics
 * and add its line to the partition's batch; a batch is sealed (its gzip files closed) when full, when
 * its event-time window ends, or when the consumer loop asks for an idle flush. Sealed batches wait in
 * order as {@link Landing}s; the consumer loop uploads and commits them one at a time.
 *
 * <p>Each event id lands once: a record whose CloudEvent id a valid, routed record carries within the
 * {@code dedupe-window} offsets before it is dropped (not landed, not forwarded) and counted. The lane
 * starts reading that many offsets before its committed offset; those records only rebuild the
 * {@link EventIdWindow} (nothing is sent or landed for them), so the decision for each record depends on
 * the log alone and a replay from the committed offset, on this instance or another, decides the same.
 *
 * <p>Threading: tasks run one after the other (each chained on the previous one), so the batch state
 * needs no lock; the consumer loop only touches it once the lane has settled. A discard bumps the
 * epoch, which makes queued tasks skip their records (they are re-read after the seek).
 */
final class Lane {

    private static final int MAX_CACHED_ROUTES = 1000;
    private static final int MAX_SEALED = 2;
    private static final long AWAIT_STEP_MILLIS = 50;
    private static final String TRACEPARENT = "traceparent";
    // 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>
    private static final int TRACEPARENT_LENGTH = 55;
    private static final Logger log = LoggerFactory.getLogger(Lane.class);

    private final TopicPartition partition;
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<Landing> landings = new ConcurrentLinkedQueue<>();
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private volatile int epoch;
    private volatile long openedAtNanos = -1;
    private volatile boolean flushQueued;
    private final long windowSize;
    /** The committed offset: where a failed landing is re-read from. */
    private long resumeOffset;
    /** The first offset to land or forward; the records before it only rebuild the id window. */
    private long liveFrom;
    /** The offset the partition is read from; no record has been handed to the lane since it was set when -1. */
    private long readFrom;
    /** Set by the consumer loop when it paused the partition. */
    boolean paused;

    // state of the processing tasks
    private final LakeLines lines;
    private final Map<String, List<Sink>> routes = new HashMap<>();
    private PartitionBatch batch;
    private EventIdWindow window;

    /**
     * @param committedOffset the partition's committed offset (its first offset when nothing was committed)
     * @param windowSize      how many offsets before a record are searched for its event id
     * @param lines           this lane's own encoder of lake lines
     */
    Lane(TopicPartition partition, long committedOffset, long windowSize, LakeLines lines) {
        this.partition = partition;
        this.windowSize = windowSize;
        this.lines = lines;
        this.resumeOffset = committedOffset;
        reposition();
    }

    /**
     * What every lane of a consumer loop shares.
     *
     * @param listenerId the consumer loop's name in its observations ({@code spring.kafka.listener.id})
     * @param clientId   the loop's Kafka client id
     */
    record Context(Producer<byte[], byte[]> producer, Callback sendCallback, String deadLetterTopic, EventValidator validator,
                   BinaryEnvelopes envelopes, Router router, LakeLayout layout, LakeProperties lake, Executor processing,
                   HubMetrics metrics, HubObservations observations, String listenerId, String clientId) {
    }

    TopicPartition partition() {
        return partition;
    }

    /** The offset to read the partition from: the id window's offsets before the committed one. */
    long readFrom() {
        return readFrom;
    }

    /** Queues the records of one poll (consumer loop). */
    void submit(Context context, List<ConsumerRecord<byte[], byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        long first = records.get(0).offset();
        if (first < readFrom && readFrom > 0) {
            // the log starts again below the committed offset (the topic was deleted and created again): all of it is new
            resumeOffset = first;
            liveFrom = first;
        }
        readFrom = -1;
        queued.addAndGet(records.size());
        int at = epoch;
        tail = tail.thenRunAsync(() -> process(context, records, at), context.processing());
    }

    /** Queues the sealing of the open batch when it has been open for the idle-flush interval (consumer loop). */
    void flushIfDue(Context context, long nowNanos) {
        long opened = openedAtNanos;
        if (flushQueued || opened < 0 || nowNanos - opened < context.lake().flushAfter().toNanos()) {
            return;
        }
        flushQueued = true;
        int at = epoch;
        tail = tail.thenRunAsync(() -> {
            try {
                if (epoch == at && batch != null && batch.due(System.nanoTime())) {
                    seal();
                }
            } finally {
                flushQueued = false;
            }
        }, context.processing());
    }

    /** Queues the sealing of the open batch, whatever its age (graceful stop). */
    void sealNow(Context context) {
        int at = epoch;
        tail = tail.thenRunAsync(() -> {
            if (epoch == at && batch != null) {
                seal();
            }
        }, context.processing());
    }

    /** Waits until every queued task ran, unless {@code giveUp} turns true meanwhile; rethrows a task's failure. */
    void awaitProcessed(BooleanSupplier giveUp) {
        if (await(tail, giveUp)) {
            rethrowFailure();
        }
    }

    /** Rethrows the failure of a processing task (a bug or an error, not a bad event): the loop stops. */
    void rethrowFailure() {
        if (tail.isCompletedExceptionally()) {
            try {
                tail.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
    }

    /** The oldest sealed batch not yet committed, or null. */
    Landing head() {
        return landings.peek();
    }

    /** Sealed batches not yet committed. */
    int pending() {
        return landings.size();
    }

    /** Records the commit of the head landing (consumer loop). */
    void committed(Landing head) {
        landings.poll();
        resumeOffset = head.nextOffset();
    }

    /** True while records are queued or batches wait to be stored: the loop polls briefly then. */
    boolean busy() {
        return queued.get() > 0 || !landings.isEmpty() || flushQueued;
    }

    /** True when the lane has more queued or sealed than it should take on: pause the partition. */
    boolean behind(int maxQueuedRecords) {
        return queued.get() > maxQueuedRecords || landings.size() > MAX_SEALED;
    }

    /**
     * Stops the lane's queued work and waits for the task and the upload under way (consumer loop), unless
     * {@code giveUp} turns true meanwhile (the loop is halted); failures are left for the caller to look at.
     */
    void settle(BooleanSupplier giveUp) {
        epoch++;
        await(tail, giveUp);
        Landing head = landings.peek();
        if (head != null && head.started()) {
            await(head.stored(), giveUp);
        }
    }

    /**
     * Waits for {@code work} to complete, normally or not; gives up (false) as soon as {@code giveUp} is true, so
     * that a halted loop never waits for a broker or a store that does not answer.
     */
    static boolean await(CompletableFuture<?> work, BooleanSupplier giveUp) {
        while (true) {
            try {
                work.get(AWAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | CancellationException e) {
                return true;
            } catch (TimeoutException e) {
                if (giveUp.getAsBoolean()) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Drops everything not committed and the id window (consumer loop), once the lane has settled; the
     * partition is then read again from {@link #readFrom()}.
     *
     * @return true when the lane held records or batches beyond its committed offset
     */
    boolean discard(BooleanSupplier giveUp) {
        settle(giveUp);
        rethrowFailure();
        boolean held = batch != null || !landings.isEmpty();
        tail = CompletableFuture.completedFuture(null);
        batch = null;
        openedAtNanos = -1;
        landings.clear();
        queued.set(0);
        reposition();
        return held;
    }

    /** The offset last committed, where the lane lands from after a discard. */
    long resumeOffset() {
        return resumeOffset;
    }

    private void reposition() {
        liveFrom = resumeOffset;
        readFrom = Math.max(0, resumeOffset - windowSize);
        window = new EventIdWindow(windowSize);
    }

    private void process(Context context, List<ConsumerRecord<byte[], byte[]>> records, int at) {
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (epoch != at) {
                    return;
                }
                if (record.offset() < liveFrom) {
                    remember(context, record);
                } else {
                    context.observations().received(record, context.listenerId(), context.clientId(), () -> handle(context, record));
                }
            }
        } finally {
            queued.addAndGet(-records.size());
        }
    }

    private void handle(Context context, ConsumerRecord<byte[], byte[]> record) {
        if (batch == null) {
            open(context, record.offset());
        }
        ValidEvent valid;
        try {
            valid = context.validator().validate(partition.topic(), context.envelopes().read(record));
        } catch (InvalidEventException e) {
            deadLetter(context, record, e.category(), e.reason());
            return;
        } catch (RuntimeException e) {
            deadLetter(context, record, InvalidEventException.Category.UNPARSEABLE, "unparseable CloudEvent: " + e.getMessage());
            return;
        }
        List<Sink> sinks = sinks(context, valid.envelope().type());
        if (sinks.isEmpty()) {
            batch.skip(record.offset());
            return;
        }
        if (window.repeat(record.offset(), valid.envelope().id())) {
            batch.duplicate(record.offset());
            return;
        }
        boolean toLake = false;
        for (Sink sink : sinks) {
            toLake |= sink instanceof Sink.Lake;
        }
        Instant eventTime = valid.time().toInstant();
        if (toLake && batch.endsBefore(eventTime)) {
            seal();
            open(context, record.offset());
        }
        for (Sink sink : sinks) {
            if (sink instanceof Sink.Topic topic) {
                context.observations().send(context.producer(), new ProducerRecord<>(topic.name(), null, record.key(), record.value(),
                        new RecordHeaders(record.headers().toArray())), context.sendCallback());
                context.metrics().forwarded(topic.name());
            }
        }
        if (!toLake) {
            batch.skip(record.offset());
            return;
        }
        int length = lines.encodeInPlace(valid, partition.topic(), partition.partition(), record.offset(), traceparent(record));
        batch.append(valid.type(), eventTime, lines.buffer(), length, record.offset());
        if (batch.full()) {
            seal();
        }
    }

    /** A record before the committed offset, read again to rebuild the id window: nothing is sent or landed. */
    private void remember(Context context, ConsumerRecord<byte[], byte[]> record) {
        ValidEvent valid;
        try {
            valid = context.validator().validate(partition.topic(), context.envelopes().read(record));
        } catch (InvalidEventException | RuntimeException e) {
            return;
        }
        if (!sinks(context, valid.envelope().type()).isEmpty()) {
            window.repeat(record.offset(), valid.envelope().id());
        }
    }

    private List<Sink> sinks(Context context, String type) {
        List<Sink> sinks = routes.get(type);
        if (sinks == null) {
            sinks = context.router().sinksFor(partition.topic(), type);
            if (routes.size() < MAX_CACHED_ROUTES) {
                routes.put(type, sinks);
            }
        }
        return sinks;
    }

    private void deadLetter(Context context, ConsumerRecord<byte[], byte[]> record, InvalidEventException.Category category, String reason) {
        // in the record's consumer span: the line carries the producer's trace id
        log.info("dead-lettered {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(), category.tag(), reason);
        context.observations().send(context.producer(), DeadLetters.of(context.deadLetterTopic(), record, reason), context.sendCallback());
        context.metrics().deadLettered(record.topic(), category);
        batch.skip(record.offset());
    }

    /**
     * The record's W3C {@code traceparent} header (the producer's send span), for a lake line whose event carries no
     * {@code ce_traceparent}; null when absent or not of the W3C form.
     */
    private static String traceparent(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        if (header == null || header.value() == null || header.value().length != TRACEPARENT_LENGTH) {
            return null;
        }
        byte[] value = header.value();
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            boolean dash = i == 2 || i == 35 || i == 52;
            if (dash ? b != '-' : !((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
                return null;
            }
        }
        return new String(value, StandardCharsets.US_ASCII);
    }

    private void open(Context context, long startOffset) {
        long now = System.nanoTime();
        batch = new PartitionBatch(partition.topic(), partition.partition(), startOffset, now, context.layout(), context.lake());
        openedAtNanos = now;
    }

    private void seal() {
        PartitionBatch sealed = batch;
        batch = null;
        openedAtNanos = -1;
        landings.add(new Landing(sealed.startOffset(), sealed.nextOffset(), sealed.records(), sealed.duplicates(),
                sealed.newestEventTimes(), sealed.seal(), sealed.openedAtNanos(), System.nanoTime()));
    }

    /** A sealed batch: its files, the offsets it covers, and (once started by the consumer loop) its upload. */
    static final class Landing {
        private final long startOffset;
        private final long nextOffset;
        private final long records;
        private final long duplicates;
        private final Map<EventType, Instant> newestEventTimes;
        private final List<LakeObject> objects;
        private final long openedAtNanos;
        private final long sealedAtNanos;
        private CompletableFuture<Void> stored;

        Landing(long startOffset, long nextOffset, long records, long duplicates, Map<EventType, Instant> newestEventTimes,
                List<LakeObject> objects, long openedAtNanos, long sealedAtNanos) {
            this.startOffset = startOffset;
            this.nextOffset = nextOffset;
            this.records = records;
            this.duplicates = duplicates;
            this.newestEventTimes = newestEventTimes;
            this.openedAtNanos = openedAtNanos;
            this.objects = objects;
            this.sealedAtNanos = sealedAtNanos;
        }

        /** Starts uploading every file at once on the upload threads. */
        void start(LakeStore store, ExecutorService uploads) {
            CompletableFuture<?>[] puts = new CompletableFuture<?>[objects.size()];
            for (int i = 0; i < puts.length; i++) {
                LakeObject object = objects.get(i);
                puts[i] = CompletableFuture.runAsync(() -> store.put(object), uploads);
            }
            stored = CompletableFuture.allOf(puts);
        }

        boolean started() {
            return stored != null;
        }

        CompletableFuture<Void> stored() {
            return stored;
        }

        long startOffset() {
            return startOffset;
        }

        long nextOffset() {
            return nextOffset;
        }

        long records() {
            return records;
        }

        long duplicates() {
            return duplicates;
        }

        /** The latest event time landed in each dataset (event type), empty when the batch holds no lake line. */
        Map<EventType, Instant> newestEventTimes() {
            return newestEventTimes;
        }

        /** When the batch's first record was read. */
        long openedAtNanos() {
            return openedAtNanos;
        }

        List<LakeObject> objects() {
            return objects;
        }

        long sealedAtNanos() {
            return sealedAtNanos;
        }
    }
}
