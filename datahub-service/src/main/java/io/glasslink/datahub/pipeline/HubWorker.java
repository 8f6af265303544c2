package io.glasslink.datahub.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeLayout;
import io.glasslink.datahub.lake.LakeLines;
import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.routing.Router;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One consumer loop of the hub. The loop's thread owns the Kafka consumer: it polls, hands each
 * partition's records to that partition's {@link Lane} (decode, validate, dead-letter, fan out,
 * encode and gzip, on the shared processing threads, in offset order), starts uploads and commits.
 *
 * <p>Exactly-once in the lake rests on one rule per partition: at most one batch is ever stored and
 * not yet committed. A lane may seal further batches meanwhile, but a batch's upload starts only once
 * the batch before it is committed, and its offset is committed only once all its files are stored
 * and the pending dead-letter/fan-out sends are acknowledged. After a crash, a rebalance or a failed
 * upload the partition is re-read from its committed offset, and every file that was stored and not
 * committed is rewritten under the same key (see {@link io.glasslink.datahub.lake.PartitionBatch}).
 * A repeated event id is dropped the same way at every reading (see {@link Lane}).
 */
final class HubWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(HubWorker.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    // the loop's poll timeout while lanes or uploads have work in flight: commits must not wait for a long poll
    private static final Duration BUSY_POLL = Duration.ofMillis(5);

    private final Consumer<byte[], byte[]> consumer;
    private final Collection<String> sources;
    private final Duration pollTimeout;
    private final ExecutorService uploads;
    private final Lane.Context context;
    private final LakeStore store;
    private final HubMetrics metrics;
    private final Producer<byte[], byte[]> producer;
    private final Map<TopicPartition, Lane> lanes = new HashMap<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final int maxQueuedRecords;
    private final long dedupeWindow;
    private final JsonMapper json;

    private volatile boolean running = true;
    private volatile boolean abrupt;
    private volatile boolean dead;

    HubWorker(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Collection<String> sources,
              String deadLetterTopic, Duration pollTimeout, EventValidator validator, JsonMapper json, BinaryEnvelopes envelopes,
              Router router, LakeProperties lake, LakeStore store, Executor processing, ExecutorService uploads, HubMetrics metrics,
              int maxQueuedRecords, long dedupeWindow, HubObservations observations, String listenerId, String clientId) {
        this.consumer = consumer;
        this.producer = producer;
        this.sources = sources;
        this.pollTimeout = pollTimeout;
        this.store = store;
        this.uploads = uploads;
        this.metrics = metrics;
        this.maxQueuedRecords = maxQueuedRecords;
        this.dedupeWindow = dedupeWindow;
        this.json = json;
        Callback sendCallback = (metadata, exception) -> {
            if (exception != null) {
                sendFailure.compareAndSet(null, exception);
            }
        };
        this.context = new Lane.Context(producer, sendCallback, deadLetterTopic, validator, envelopes, router,
                new LakeLayout(lake.prefix()), lake, processing, metrics, observations, listenerId, clientId);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(sources, new LandOnRevoke());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(busy() ? BUSY_POLL : pollTimeout);
                for (TopicPartition tp : records.partitions()) {
                    Lane lane = lanes.get(tp);
                    if (lane == null) {
                        // not seen assigned: positioned like an assignment, these records are read again
                        assign(List.of(tp));
                        continue;
                    }
                    lane.submit(context, records.records(tp));
                }
                advance();
                long now = System.nanoTime();
                for (Lane lane : lanes.values()) {
                    lane.flushIfDue(context, now);
                }
                pauseOrResume();
            }
            if (!abrupt) {
                drainAndCommit();
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("consumer woken up unexpectedly", e);
            }
        } catch (Throwable e) {
            dead = true;
            log.error("hub consumer loop stopped by an unexpected error; uncommitted batches will be re-read", e);
        } finally {
            // what was stored and not committed is re-read by the next owner: only let uploads under way finish
            for (Lane lane : lanes.values()) {
                lane.settle(this::halted);
            }
            consumer.close(abrupt || dead ? Duration.ZERO : Duration.ofSeconds(5));
        }
    }

    /** Lands what is buffered, then stops. */
    void stop() {
        running = false;
    }

    /** Stops at once: nothing more is landed or committed (what a crash does); waits under way are given up. */
    void halt() {
        abrupt = true;
        running = false;
        consumer.wakeup();
    }

    private boolean halted() {
        return abrupt;
    }

    private boolean busy() {
        for (Lane lane : lanes.values()) {
            if (lane.busy()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Commits, per partition, the landing whose files are all stored, then starts the upload of the
     * next one: never two stored and uncommitted batches of one partition. A failed upload or commit
     * re-reads the partition from its committed offset; an error of a lane or an upload ends the loop.
     */
    private void advance() {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        List<Lane> landed = new ArrayList<>();
        boolean flushed = false;
        for (Lane lane : new ArrayList<>(lanes.values())) {
            lane.rethrowFailure();
            Lane.Landing head = lane.head();
            if (head == null) {
                continue;
            }
            if (!head.started()) {
                head.start(store, uploads);
            }
            if (!head.stored().isDone()) {
                continue;
            }
            Throwable failure = failureOf(head.stored());
            if (failure != null) {
                rewind(lane, failure);
                backOff();
                continue;
            }
            if (!flushed) {
                // every send of the landing's records was issued before it was sealed
                producer.flush();
                flushed = true;
            }
            Exception failedSend = sendFailure.getAndSet(null);
            if (failedSend != null) {
                // the failed send may belong to any partition of this loop: re-read them all
                for (Lane other : new ArrayList<>(lanes.values())) {
                    rewind(other, failedSend);
                }
                backOff();
                return;
            }
            commits.put(lane.partition(), new OffsetAndMetadata(head.nextOffset()));
            landed.add(lane);
        }
        if (commits.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(commits);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // not committed: re-read from the last committed offset, which rewrites the same keys
            for (Lane lane : landed) {
                rewind(lane, e);
            }
            backOff();
            return;
        }
        for (Lane lane : landed) {
            Lane.Landing head = lane.head();
            lane.committed(head);
            metrics.landed(lane.partition().topic(), head);
            Lane.Landing next = lane.head();
            if (next != null) {
                next.start(store, uploads);
            }
        }
    }

    /** The cause of a failed upload; an {@link Error} (the process is in no state to go on) is rethrown. */
    private static Throwable failureOf(CompletableFuture<Void> stored) {
        try {
            stored.get();
            return null;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CompletionException nested && nested.getCause() != null) {
                cause = nested.getCause();
            }
            if (cause instanceof Error error) {
                throw error;
            }
            return cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /**
     * Gives each partition a lane that lands from the committed offset, and reads the partition from the
     * dedupe window's offsets before it so that the lane knows the event ids already landed.
     */
    private void assign(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        Map<TopicPartition, Long> beginnings = null;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null && beginnings == null) {
                beginnings = consumer.beginningOffsets(partitions);
            }
            Lane lane = new Lane(tp, offset != null ? offset.offset() : beginnings.get(tp), dedupeWindow, new LakeLines(json));
            lanes.put(tp, lane);
            consumer.seek(tp, lane.readFrom());
        }
    }

    /** Discards what the lane holds beyond its committed offset and re-reads the partition (and its id window) from there. */
    private void rewind(Lane lane, Throwable cause) {
        if (lane.discard(this::halted)) {
            log.warn("landing {} from offset {} failed, re-reading it: {}", lane.partition(), lane.resumeOffset(), cause.toString());
            metrics.landingFailed();
        }
        try {
            consumer.seek(lane.partition(), lane.readFrom());
        } catch (IllegalStateException notAssigned) {
            // revoked meanwhile: its next owner starts from the committed offset anyway
        }
    }

    private void backOff() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Pauses a partition whose lane has too much queued or sealed, resumes it once it has caught up. */
    private void pauseOrResume() {
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            boolean behind = lane.behind(maxQueuedRecords);
            if (behind && !lane.paused) {
                pause.add(lane.partition());
                lane.paused = true;
            } else if (!behind && lane.paused) {
                resume.add(lane.partition());
                lane.paused = false;
            }
        }
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!resume.isEmpty()) {
            consumer.resume(resume);
        }
    }

    /** On a graceful stop: seals every lane's batch, then uploads and commits everything in order. */
    private void drainAndCommit() {
        for (Lane lane : lanes.values()) {
            lane.sealNow(context);
        }
        for (Lane lane : lanes.values()) {
            lane.awaitProcessed(this::halted);
        }
        int pending = pending();
        while (pending > 0 && !abrupt) {
            for (Lane lane : lanes.values()) {
                Lane.Landing head = lane.head();
                if (head != null && !head.started()) {
                    head.start(store, uploads);
                }
            }
            for (Lane lane : lanes.values()) {
                Lane.Landing head = lane.head();
                if (head != null && !Lane.await(head.stored(), this::halted)) {
                    return;
                }
            }
            advance();
            int left = pending();
            if (left >= pending) {
                // a landing failed and its partition was discarded for re-reading: nothing more to land
                return;
            }
            pending = left;
        }
    }

    private int pending() {
        int pending = 0;
        for (Lane lane : lanes.values()) {
            pending += lane.pending();
        }
        return pending;
    }

    private final class LandOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // the next owner re-reads from the committed offset: let the upload under way finish, commit it
            // if it was stored, and discard the rest (never committed, so it is re-read and rewritten)
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            Map<TopicPartition, Lane.Landing> committing = new HashMap<>();
            for (TopicPartition tp : partitions) {
                Lane lane = lanes.remove(tp);
                if (lane == null) {
                    continue;
                }
                lane.settle(HubWorker.this::halted);
                Lane.Landing head = lane.head();
                if (!abrupt && !dead && head != null && head.started() && !head.stored().isCompletedExceptionally()
                        && sendFailure.get() == null) {
                    producer.flush();
                    if (sendFailure.get() == null) {
                        commits.put(tp, new OffsetAndMetadata(head.nextOffset()));
                        committing.put(tp, head);
                    }
                }
            }
            if (!commits.isEmpty()) {
                try {
                    consumer.commitSync(commits);
                    // landed and committed here rather than in the loop: counted all the same
                    committing.forEach((tp, head) -> metrics.landed(tp.topic(), head));
                } catch (RuntimeException e) {
                    // the next owner re-reads from the previous commit and rewrites the same keys
                    log.warn("cannot commit the landed batches of revoked partitions {}: {}", commits.keySet(), e.toString());
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assign(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                Lane lane = lanes.remove(tp);
                if (lane != null) {
                    lane.settle(HubWorker.this::halted);
                }
            }
        }
    }
}
