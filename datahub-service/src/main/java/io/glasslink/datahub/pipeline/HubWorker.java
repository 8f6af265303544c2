package io.glasslink.datahub.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer loop of the hub. Per record: decode the CloudEvent (binary mode), validate it,
 * dead-letter it if invalid, forward it to its sink topics and add it to its partition's lake
 * batch. A batch lands (all its files uploaded, pending sends flushed, then its offset committed)
 * when full, when its event-time window ends, or when it has been open for the idle-flush interval.
 * A failed landing discards the batch and re-reads the partition from the batch start; a rebalance
 * discards the batches of the revoked partitions; nothing is ever committed before it is stored.
 */
final class HubWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(HubWorker.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final String CE_TIME = "ce_time";

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Collection<String> sources;
    private final String deadLetterTopic;
    private final Duration pollTimeout;
    private final EventValidator validator;
    private final Router router;
    private final LakeLayout layout;
    private final LakeLines lines = new LakeLines();
    private final LakeProperties lake;
    private final LakeStore store;
    private final ExecutorService uploads;
    private final HubMetrics metrics;
    private final Map<TopicPartition, PartitionBatch> batches = new HashMap<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback sendCallback = (metadata, exception) -> {
        if (exception != null) {
            sendFailure.compareAndSet(null, exception);
        }
    };

    private volatile boolean running = true;
    private volatile boolean abrupt;

    HubWorker(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Collection<String> sources,
              String deadLetterTopic, Duration pollTimeout, EventValidator validator, Router router,
              LakeProperties lake, LakeStore store, ExecutorService uploads, HubMetrics metrics) {
        this.consumer = consumer;
        this.producer = producer;
        this.sources = sources;
        this.deadLetterTopic = deadLetterTopic;
        this.pollTimeout = pollTimeout;
        this.validator = validator;
        this.router = router;
        this.layout = new LakeLayout(lake.prefix());
        this.lake = lake;
        this.store = store;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(sources, new DiscardOnRevoke());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                        if (!handle(tp, record)) {
                            break;
                        }
                    }
                }
                landDue(System.nanoTime());
            }
            if (!abrupt) {
                for (TopicPartition tp : new ArrayList<>(batches.keySet())) {
                    land(tp, batches.get(tp));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("consumer woken up unexpectedly", e);
            }
        } catch (Throwable e) {
            log.error("hub consumer loop stopped by an unexpected error; uncommitted batches will be re-read", e);
        } finally {
            consumer.close(abrupt ? Duration.ZERO : Duration.ofSeconds(5));
        }
    }

    /** Lands what is buffered, then stops. */
    void stop() {
        running = false;
    }

    /** Stops at once: nothing more is landed or committed (what a crash does). */
    void halt() {
        abrupt = true;
        running = false;
        consumer.wakeup();
    }

    /** Handles one record; false when its partition was rewound and the rest of the poll must be skipped. */
    private boolean handle(TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
        PartitionBatch batch = batches.computeIfAbsent(tp, k -> newBatch(k, record.offset()));
        ValidEvent valid;
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            valid = validator.validate(tp.topic(), event);
        } catch (InvalidEventException e) {
            return deadLetter(record, e.reason(), batch);
        } catch (RuntimeException e) {
            return deadLetter(record, "unparseable CloudEvent: " + e.getMessage(), batch);
        }
        List<Sink> sinks = router.sinksFor(tp.topic(), valid.event().getType());
        boolean toLake = false;
        for (Sink sink : sinks) {
            toLake |= sink instanceof Sink.Lake;
        }
        Instant eventTime = valid.time().toInstant();
        if (toLake && batch.endsBefore(eventTime)) {
            if (!land(tp, batch)) {
                return false;
            }
            batch = newBatch(tp, record.offset());
            batches.put(tp, batch);
        }
        for (Sink sink : sinks) {
            if (sink instanceof Sink.Topic topic) {
                producer.send(new ProducerRecord<>(topic.name(), null, record.key(), record.value(),
                        new RecordHeaders(record.headers().toArray())), sendCallback);
                metrics.forwarded(topic.name());
            }
        }
        if (!toLake) {
            batch.skip(record.offset());
            return true;
        }
        Header timeHeader = record.headers().lastHeader(CE_TIME);
        byte[] line = timeHeader == null
                ? lines.encode(valid, tp.topic(), tp.partition(), record.offset())
                : lines.encode(valid, new String(timeHeader.value(), StandardCharsets.UTF_8), tp.topic(), tp.partition(), record.offset());
        batch.append(valid.type(), eventTime, line, record.offset());
        return !batch.full() || land(tp, batch);
    }

    private boolean deadLetter(ConsumerRecord<byte[], byte[]> record, String reason, PartitionBatch batch) {
        producer.send(DeadLetters.of(deadLetterTopic, record, reason), sendCallback);
        metrics.deadLettered(record.topic());
        batch.skip(record.offset());
        return true;
    }

    private PartitionBatch newBatch(TopicPartition tp, long startOffset) {
        return new PartitionBatch(tp.topic(), tp.partition(), startOffset, System.nanoTime(), layout, lake);
    }

    private void landDue(long now) {
        for (Map.Entry<TopicPartition, PartitionBatch> e : new ArrayList<>(batches.entrySet())) {
            if (e.getValue().due(now)) {
                land(e.getKey(), e.getValue());
            }
        }
    }

    /** Uploads every file of the batch, flushes pending sends, commits; on failure rewinds the partition. */
    private boolean land(TopicPartition tp, PartitionBatch batch) {
        long started = System.nanoTime();
        batches.remove(tp);
        List<LakeObject> objects = batch.seal();
        try {
            CompletableFuture<?>[] puts = objects.stream()
                    .map(o -> CompletableFuture.runAsync(() -> store.put(o), uploads))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(puts).join();
            producer.flush();
            Exception failedSend = sendFailure.getAndSet(null);
            if (failedSend != null) {
                // the failed send may belong to any open batch of this loop: re-read them all
                for (Map.Entry<TopicPartition, PartitionBatch> open : new ArrayList<>(batches.entrySet())) {
                    batches.remove(open.getKey());
                    seek(open.getKey(), open.getValue().startOffset());
                }
                return rewind(tp, batch, failedSend);
            }
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(batch.nextOffset())));
            metrics.landed(batch.records(), objects.size(), System.nanoTime() - started);
            return true;
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            return rewind(tp, batch, e.getCause());
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            return rewind(tp, batch, e);
        }
    }

    private boolean rewind(TopicPartition tp, PartitionBatch batch, Throwable cause) {
        log.warn("landing {} from offset {} failed, re-reading it: {}", tp, batch.startOffset(), cause.toString());
        metrics.landingFailed();
        seek(tp, batch.startOffset());
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return false;
    }

    private void seek(TopicPartition tp, long offset) {
        try {
            consumer.seek(tp, offset);
        } catch (IllegalStateException notAssigned) {
            // revoked meanwhile: its next owner starts from the committed offset anyway
        }
    }

    private final class DiscardOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // not landed, not committed: the next owner re-reads them and rewrites the same keys
            partitions.forEach(batches::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the committed offsets
        }
    }
}
