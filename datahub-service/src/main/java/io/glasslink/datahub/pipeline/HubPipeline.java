package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.routing.Router;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the hub's consumer loops (one Kafka consumer each, all in one group) and their shared
 * producer. Stopping lands what is buffered; {@link #halt()} stops like a crash would.
 */
public class HubPipeline implements SmartLifecycle {

    private final HubProperties hub;
    private final LakeProperties lake;
    private final Router router;
    private final EventValidator validator;
    private final LakeStore store;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final HubMetrics metrics;
    private final List<HubWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;
    private ExecutorService uploads;
    private ExecutorService processing;

    /**
     * @param consumerConfig Kafka client settings (bootstrap servers, security); the hub sets group,
     *                       deserializers, manual commits and read-committed isolation itself
     * @param producerConfig Kafka client settings for dead letters and fan-out
     */
    public HubPipeline(HubProperties hub, LakeProperties lake, Router router, EventValidator validator, LakeStore store,
                       Map<String, Object> consumerConfig, Map<String, Object> producerConfig, MeterRegistry registry, Clock clock) {
        this.hub = hub;
        this.lake = lake;
        this.router = router;
        this.validator = validator;
        this.store = store;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.metrics = new HubMetrics(registry, clock);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Map<String, Object> producerProps = new HashMap<>(producerConfig);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        AtomicInteger uploadThreads = new AtomicInteger();
        uploads = Executors.newFixedThreadPool(Math.max(1, hub.uploadThreads()), r -> {
            Thread t = new Thread(r, "datahub-upload-" + uploadThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger processingThreads = new AtomicInteger();
        int lanesThreads = hub.processingThreads() > 0 ? hub.processingThreads() : Runtime.getRuntime().availableProcessors();
        processing = Executors.newFixedThreadPool(lanesThreads, r -> {
            Thread t = new Thread(r, "datahub-lane-" + processingThreads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        BinaryEnvelopes envelopes = new BinaryEnvelopes();
        for (int i = 0; i < Math.max(1, hub.consumers()); i++) {
            Map<String, Object> props = new HashMap<>(consumerConfig);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, hub.groupId());
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, hub.groupId() + "-" + i + "-" + System.identityHashCode(this));
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
            int maxPollRecords = Integer.parseInt(props.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG).toString());
            HubWorker worker = new HubWorker(new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                    producer, router.sourceTopics(), hub.deadLetterTopic(), hub.pollTimeout(), validator, envelopes, router, lake, store,
                    processing, uploads, metrics, Math.max(2_000, maxPollRecords), Math.max(0, hub.dedupeWindow()));
            Thread thread = new Thread(worker, "datahub-consumer-" + i);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        workers.forEach(HubWorker::stop);
        shutdown();
    }

    /** Stops every consumer at once, landing and committing nothing more: a crash, for tests and drills. */
    public synchronized void halt() {
        workers.forEach(HubWorker::halt);
        shutdown();
    }

    private void shutdown() {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
        if (processing != null) {
            processing.shutdownNow();
            processing = null;
        }
        if (uploads != null) {
            uploads.shutdownNow();
            try {
                uploads.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            uploads = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }

    @Override
    public boolean isAutoStartup() {
        return hub.autoStart();
    }

    /** True while at least one consumer loop is alive. */
    public synchronized boolean isConsuming() {
        return threads.stream().anyMatch(Thread::isAlive);
    }
}
