package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.routing.Router;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the hub's consumer loops (one Kafka consumer each, all in one group) and their shared
 * producer. Stopping lands what is buffered, within {@code shutdown-timeout}; {@link #halt()} stops
 * like a crash would.
 */
public class HubPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HubPipeline.class);
    // how long the loops get to leave once halted: a poll, a commit or a send is woken or failed at once
    private static final Duration HALT_GRACE = Duration.ofSeconds(3);
    // how soon the meters of a newly assigned partition (records-lag) appear after its first fetch
    private static final Duration CLIENT_METRICS_REFRESH = Duration.ofSeconds(5);

    private final HubProperties hub;
    private final LakeProperties lake;
    private final Router router;
    private final EventValidator validator;
    private final JsonMapper json;
    private final LakeStore store;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final HubMetrics metrics;
    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
    private final List<HubWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;
    private ExecutorService uploads;
    private ExecutorService processing;
    private ScheduledExecutorService clientMetricsRefresh;

    /**
     * @param consumerConfig Kafka client settings (bootstrap servers, security); the hub sets group,
     *                       deserializers, manual commits and read-committed isolation itself
     * @param producerConfig Kafka client settings for dead letters and fan-out
     * @param observations   where each record's handling and each send is observed (spans, {@code spring.kafka.*} timers)
     * @param json           the mapper whose generator writes the lake lines
     */
    public HubPipeline(HubProperties hub, LakeProperties lake, Router router, EventValidator validator, JsonMapper json, LakeStore store,
                       Map<String, Object> consumerConfig, Map<String, Object> producerConfig, MeterRegistry registry, Clock clock,
                       ObservationRegistry observations) {
        this.hub = hub;
        this.lake = lake;
        this.router = router;
        this.validator = validator;
        this.json = json;
        this.store = store;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.metrics = new HubMetrics(registry, clock);
        this.registry = registry;
        this.observations = observations;
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
        clientMetricsRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "datahub-client-metrics");
            t.setDaemon(true);
            return t;
        });
        bind(new KafkaClientMetrics(producer, List.of(), clientMetricsRefresh, CLIENT_METRICS_REFRESH));
        HubObservations observed = new HubObservations(observations, hub.groupId());
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
            String clientId = hub.groupId() + "-" + i + "-" + System.identityHashCode(this);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
            int maxPollRecords = Integer.parseInt(props.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG).toString());
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            // Kafka's own consumer metrics, records-lag per topic and partition among them
            bind(new KafkaClientMetrics(consumer, List.of(), clientMetricsRefresh, CLIENT_METRICS_REFRESH));
            String name = "datahub-consumer-" + i;
            HubWorker worker = new HubWorker(consumer, producer, router.sourceTopics(), hub.deadLetterTopic(), hub.pollTimeout(), validator, json,
                    envelopes, router, lake, store, processing, uploads, metrics, Math.max(2_000, maxPollRecords),
                    Math.max(0, hub.dedupeWindow()), observed, name, clientId);
            Thread thread = new Thread(worker, name);
            // stop() lands what is buffered; a loop left behind after a halt must not hold the JVM
            thread.setDaemon(true);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Lands and commits what is buffered, then stops; past {@code shutdown-timeout} (a broker or a store that
     * does not answer) it stops like {@link #halt()}: what was not committed is read again by the next owner.
     */
    @Override
    public synchronized void stop() {
        workers.forEach(HubWorker::stop);
        if (!joinWithin(hub.shutdownTimeout())) {
            log.warn("the hub did not land and commit what it buffered within {}: stopping without it (it is read again)",
                    hub.shutdownTimeout());
            abort();
        }
        shutdown();
    }

    /** Stops every consumer at once, landing and committing nothing more: a crash, for tests and drills. */
    public synchronized void halt() {
        abort();
        shutdown();
    }

    /** Halts the loops and fails what they may wait for: sends (the producer closes at once) and uploads (interrupted). */
    private void abort() {
        workers.forEach(HubWorker::halt);
        if (producer != null) {
            producer.close(Duration.ZERO);
        }
        if (uploads != null) {
            uploads.shutdownNow();
        }
        if (!joinWithin(HALT_GRACE)) {
            log.warn("a hub consumer loop is still running {} after it was halted: leaving it", HALT_GRACE);
        }
    }

    /** Waits for every loop's thread to end, within {@code timeout} for all of them together. */
    private boolean joinWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (left > 0) {
                    thread.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private void bind(KafkaClientMetrics binder) {
        binder.bindTo(registry);
        clientMetrics.add(binder);
    }

    private void shutdown() {
        // a stopped client's meters go with it (a restarted pipeline binds new ones)
        clientMetrics.forEach(KafkaClientMetrics::close);
        clientMetrics.clear();
        if (clientMetricsRefresh != null) {
            clientMetricsRefresh.shutdownNow();
            clientMetricsRefresh = null;
        }
        workers.clear();
        threads.clear();
        if (processing != null) {
            processing.shutdownNow();
            processing = null;
        }
        if (uploads != null) {
            uploads.shutdownNow();
            uploads = null;
        }
        if (producer != null) {
            // every send of a committed batch was acknowledged before its commit
            producer.close(Duration.ofSeconds(2));
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
