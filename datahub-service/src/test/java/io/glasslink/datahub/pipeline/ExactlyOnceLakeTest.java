package io.glasslink.datahub.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import io.glasslink.datahub.HubSpringTest;
import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestKafka;
import io.glasslink.datahub.TestLake;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeObject;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.LakeStore;
import io.glasslink.datahub.lake.StoredObject;
import io.glasslink.datahub.lake.s3.S3LakeStore;
import io.glasslink.datahub.routing.Router;
import io.glasslink.datahub.routing.RoutingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.glasslink.testsupport.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once in the lake, proven the hard way: the hub crashes after storing some files of a batch
 * but before committing, is restarted with other batch boundaries, is stopped abruptly mid-stream,
 * is restarted again with two consumer loops (partitions move between them); the lake then holds every valid
 * record produced exactly once, and every event id once although some events were published twice.
 */
@HubSpringTest
class ExactlyOnceLakeTest {

    private static final int PARTITIONS = 3;

    @Autowired
    S3Client s3;

    @Autowired
    EventValidator validator;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "crash-test-" + id;
    private final String group = "crash-test-" + id;
    private final String bucket = "crash-test-" + id;
    private final TestClock clock = TestClock.atSuiteStart();
    // every event sent by produce(), by index
    private final List<CloudEvent> published = new ArrayList<>();

    @Test
    void crashesBetweenUploadAndCommitAndAbruptStopsNeitherDuplicateNorLoseARecord() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            createTopics(admin, PARTITIONS);
            List<Produced> produced = new ArrayList<>(produce(0, 1500));

            // run 1: dies right after its 7th upload, with that batch uploaded in part and not committed
            RecordingStore crashing = new RecordingStore(7);
            HubPipeline run1 = pipeline(crashing, 97, Duration.ofMinutes(30));
            run1.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !run1.isConsuming());
            run1.stop();
            assertThat(crashing.puts.get()).isEqualTo(7);

            // run 2: other batch boundaries, more records arrive meanwhile, then an abrupt stop mid-stream
            RecordingStore second = new RecordingStore(Integer.MAX_VALUE);
            HubPipeline run2 = pipeline(second, 211, Duration.ofMinutes(45));
            run2.start();
            produced.addAll(produce(1500, 1500));
            await().atMost(Duration.ofSeconds(60)).until(() -> second.puts.get() >= 10);
            run2.halt();

            // run 3: two consumer loops in one group (their joins move partitions while the backlog is read), to the end, then a graceful stop
            RecordingStore third = new RecordingStore(Integer.MAX_VALUE);
            SimpleMeterRegistry run3Meters = new SimpleMeterRegistry();
            HubPipeline run3 = pipeline(third, 50, Duration.ofHours(1), 2, run3Meters);
            run3.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> TestKafka.committedToEnd(admin, group, topic, PARTITIONS));
            run3.stop();

            List<Produced> lake = TestLake.lines(s3, bucket, "raw/").stream()
                    .map(l -> new Produced(l.event().get("kafkapartition").asInt(), l.event().get("kafkaoffset").asLong(),
                            l.event().get("id").asText()))
                    .toList();
            List<Produced> expected = firstOfEachId(produced);
            assertThat(lake).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(produced.size() - expected.size()).as("invalid and republished records").isGreaterThan(100);
            assertThat(crashing.keys).as("a replay rewrote keys the crashed run had stored")
                    .containsAnyElementsOf(union(second.keys, third.keys));
            // every record run 3 committed is counted, also the batches committed as their partition moved away
            long thirdRecords = TestLake.lines(s3, bucket, "raw/").stream().filter(l -> third.keys.contains(l.key())).count();
            assertThat(run3Meters.get("datahub.lake.records").counter().count()).isEqualTo((double) thirdRecords);
        }
    }

    /**
     * An outbox publishes the same CloudEvent twice when it resubmits a publication (issue #13: the same id
     * at {@code booking.events:1:372} and {@code :443}). The copy lands in another object than the original,
     * after a restart of the hub; the lake holds the id once. A replay from an earlier commit (after the
     * original, before the copy) rebuilds what was landed from the log and rewrites the very same objects.
     */
    @Test
    void anEventPublishedTwiceLandsOnceAcrossARestartAndAReplayRewritesTheSameObjects() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            createTopics(admin, 1);
            OffsetDateTime base = OffsetDateTime.of(2030, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC);
            CloudEvent twice = TestEvents.probeMeasured("probe-twice", 3, base.plusSeconds(3), 200);
            List<CloudEvent> events = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                events.add(i == 3 ? twice : TestEvents.probeMeasured("probe-twice", i, base.plusSeconds(i), 200));
            }
            List<Long> offsets = new ArrayList<>(send(events));

            // run 1 lands the original (offset 3) in the object of offsets 0..9, then stops
            HubPipeline run1 = pipeline(new RecordingStore(Integer.MAX_VALUE), 10, Duration.ofHours(1), Duration.ofHours(1), 1,
                    new SimpleMeterRegistry(), clock);
            run1.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> landedIds().size() == 20);
            run1.stop();

            // the outbox sends the same CloudEvent again, same key, 27 offsets later: in another object
            List<CloudEvent> later = new ArrayList<>();
            for (int i = 20; i < 41; i++) {
                later.add(i == 30 ? twice : TestEvents.probeMeasured("probe-twice", i, base.plusSeconds(i), 200));
            }
            offsets.addAll(send(later));
            assertThat(offsets.get(30) - offsets.get(3)).as("the copy is some objects after the original").isGreaterThan(20);

            SimpleMeterRegistry run2Meters = new SimpleMeterRegistry();
            clock.set(base.plusHours(2).toInstant());
            HubPipeline run2 = pipeline(new RecordingStore(Integer.MAX_VALUE), 10, Duration.ofHours(1), Duration.ofHours(1), 1,
                    run2Meters, clock);
            run2.start();
            long copy = offsets.get(30);
            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin) > copy);
            run2.stop();

            List<String> landed = landedIds();
            assertThat(landed).filteredOn(twice.getId()::equals).as("the id published twice").hasSize(1);
            assertThat(landed).hasSize(40).doesNotHaveDuplicates();
            assertThat(run2Meters.get("datahub.events.duplicates").tag("topic", topic).counter().count()).isEqualTo(1.0);
            assertThat(run2Meters.get("datahub.lake.freshness").tag("dataset", "hubtest/ProbeMeasured.v1").gauge().value())
                    .as("seconds from the newest event landed (base + 40 s) to the clock (base + 2 h, ticking)")
                    .isBetween(7160.0, 7160.0 + 600);
            Map<String, List<String>> objects = objects();

            // replay from run 1's first commit (offset 10): the original is before it, the copy after it
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(10))).all().get();
            RecordingStore replayed = new RecordingStore(Integer.MAX_VALUE);
            SimpleMeterRegistry run3Meters = new SimpleMeterRegistry();
            HubPipeline run3 = pipeline(replayed, 10, Duration.ofHours(1), Duration.ofHours(1), 1, run3Meters, clock);
            run3.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.committedToEnd(admin, group, topic, 1));
            run3.stop();

            assertThat(replayed.keys).as("the replay rewrote the objects from offset 10 on").hasSize(3);
            assertThat(objects()).as("the same objects, line for line").isEqualTo(objects);
            assertThat(run3Meters.get("datahub.events.duplicates").tag("topic", topic).counter().count()).isEqualTo(1.0);
        }
    }

    /**
     * The revoke path, hit on purpose: every first batch's upload is held at a gate until the first hub's loop
     * is inside its rebalance listener (a second hub joined the group), so those batches are stored and committed
     * there and not in the loop. They must be counted like any other, and never landed again by the new owner.
     */
    @Test
    void aBatchStoredWhileItsPartitionIsRevokedIsCommittedCountedAndNotLandedTwice() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            createTopics(admin, PARTITIONS);
            List<Produced> produced = produce(0, 900);

            GatedStore gated = new GatedStore();
            SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
            HubPipeline first = pipeline(gated, 60, Duration.ofHours(1), 1, firstMeters);
            first.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> gated.held.get() > 0);

            Thread opener = new Thread(gated::openWhenARevokedLaneSettles, "gate-opener");
            opener.setDaemon(true);
            opener.start();
            RecordingStore second = new RecordingStore(Integer.MAX_VALUE);
            SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
            HubPipeline run2 = pipeline(second, 60, Duration.ofHours(1), 1, secondMeters);
            run2.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> gated.openedDuringRevoke);
            await().atMost(Duration.ofSeconds(90)).until(() -> TestKafka.committedToEnd(admin, group, topic, PARTITIONS));
            first.stop();
            run2.stop();
            opener.interrupt();

            List<TestLake.Line> lines = TestLake.lines(s3, bucket, "raw/");
            List<Produced> lake = lines.stream()
                    .map(l -> new Produced(l.event().get("kafkapartition").asInt(), l.event().get("kafkaoffset").asLong(),
                            l.event().get("id").asText()))
                    .toList();
            assertThat(lake).containsExactlyInAnyOrderElementsOf(firstOfEachId(produced));
            assertThat(gated.keys).as("no key is written twice: the revoked batches were committed, not re-read")
                    .doesNotContainAnyElementsOf(second.keys);
            assertThat(firstMeters.get("datahub.lake.records").counter().count()
                    + secondMeters.get("datahub.lake.records").counter().count())
                    .as("every landed record counted once, those committed on revoke included")
                    .isEqualTo((double) lines.size());
        }
    }

    private HubPipeline pipeline(LakeStore store, int maxRecords, Duration interval) {
        return pipeline(store, maxRecords, interval, 1);
    }

    private HubPipeline pipeline(LakeStore store, int maxRecords, Duration interval, int loops) {
        return pipeline(store, maxRecords, interval, loops, meters);
    }

    private HubPipeline pipeline(LakeStore store, int maxRecords, Duration interval, int loops, MeterRegistry registry) {
        return pipeline(store, maxRecords, interval, Duration.ofMillis(250), loops, registry, clock);
    }

    private HubPipeline pipeline(LakeStore store, int maxRecords, Duration interval, Duration flushAfter, int loops,
                                 MeterRegistry registry, Clock clock) {
        LakeProperties lake = new LakeProperties(bucket, "raw", true, maxRecords, DataSize.ofMegabytes(8), interval,
                flushAfter, DataSize.ofMegabytes(16), DataSize.ofMegabytes(8));
        Router router = new Router(new RoutingProperties(Map.of("all", new RoutingProperties.Route(List.of(topic), List.of(), "lake")), List.of()));
        HubProperties hub = new HubProperties(group, loops, topic + ".dlq", PARTITIONS, Duration.ofDays(1), Duration.ofMillis(100), 4, 0, false,
                50_000, Duration.ofSeconds(8));
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 150);
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return new HubPipeline(hub, lake, router, validator, json, store, consumer, producer, registry, clock, ObservationRegistry.NOOP);
    }

    /**
     * The source topic and the dead-letter topic, each with a leader for every partition before the hub sends to
     * it: a topic the broker creates on the first send can leave the hub's idempotent producer retrying
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (the service creates its topics at start-up).
     */
    private void createTopics(Admin admin, int partitions) throws Exception {
        TestKafka.createTopic(admin, topic, partitions);
        TestKafka.createTopic(admin, topic + ".dlq", partitions);
    }

    /** Sends the events (keyed by subject) and answers their offsets. */
    private List<Long> send(List<CloudEvent> events) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (CloudEvent event : events) {
                sent.add(producer.send(TestEvents.record(topic, event)));
            }
            producer.flush();
        }
        List<Long> offsets = new ArrayList<>();
        for (Future<RecordMetadata> f : sent) {
            offsets.add(f.get().offset());
        }
        return offsets;
    }

    private long committed(Admin admin) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                .get(new TopicPartition(topic, 0));
        return committed == null ? -1 : committed.offset();
    }

    private List<String> landedIds() {
        return TestLake.lines(s3, bucket, "raw/").stream().map(l -> l.event().get("id").asText()).toList();
    }

    /** Every lake object: its key and its lines. */
    private Map<String, List<String>> objects() {
        Map<String, List<String>> objects = new TreeMap<>();
        for (TestLake.Line line : TestLake.lines(s3, bucket, "raw/")) {
            objects.computeIfAbsent(line.key(), k -> new ArrayList<>()).add(line.event().toString());
        }
        return objects;
    }

    /**
     * Sends {@code count} events (every 50th one invalid), spread over three event hours and some late ones;
     * every 40th record publishes again the event sent 25 records before it (an outbox resubmission: same
     * CloudEvent, same key, so the same partition).
     */
    private List<Produced> produce(int from, int count) throws ExecutionException, InterruptedException {
        OffsetDateTime base = OffsetDateTime.of(2030, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int i = from; i < from + count; i++) {
                OffsetDateTime time = i % 97 == 0 ? base.minusHours(5) : base.plusSeconds(i * 3L);
                boolean republished = i % 40 == 20 && i >= 25;
                CloudEvent event = republished ? published.get(i - 25)
                        : i % 50 == 0
                        ? TestEvents.event(TestEvents.PROBE_MEASURED, "probe-" + (i % 30), time, "{\"probeId\":\"broken\"}")
                        : TestEvents.probeMeasured("probe-" + (i % 30), i, time, 200);
                published.add(event);
                ids.add((republished ? (i - 25) % 50 == 0 : i % 50 == 0) ? null : event.getId());
                sent.add(producer.send(TestEvents.record(topic, event)));
            }
            producer.flush();
        }
        List<Produced> produced = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            RecordMetadata m = sent.get(i).get();
            produced.add(new Produced(m.partition(), m.offset(), ids.get(i)));
        }
        return produced;
    }

    /** What the lake must hold: each valid event id once, at its first offset in its partition. */
    private static List<Produced> firstOfEachId(List<Produced> produced) {
        Set<String> seen = new HashSet<>();
        return produced.stream().filter(p -> p.id() != null)
                .sorted(Comparator.comparingInt(Produced::partition).thenComparingLong(Produced::offset))
                .filter(p -> seen.add(p.id())).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private record Produced(int partition, long offset, String id) {
    }

    /** The real S3 store, recording what it stored; after {@code crashAfter} uploads it dies like a killed process. */
    private class RecordingStore implements LakeStore {
        private final int crashAfter;
        private final AtomicInteger attempts = new AtomicInteger();
        private final AtomicInteger puts = new AtomicInteger();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        private final S3LakeStore delegate;

        RecordingStore(int crashAfter) {
            this.crashAfter = crashAfter;
            LakeProperties lake = new LakeProperties(bucket, "raw", true, 1, DataSize.ofMegabytes(8), Duration.ofHours(1),
                    Duration.ofSeconds(1), DataSize.ofMegabytes(16), DataSize.ofMegabytes(8));
            this.delegate = new S3LakeStore(s3, lake);
            delegate.createBucketIfMissing();
        }

        @Override
        public void put(LakeObject object) {
            int attempt = attempts.incrementAndGet();
            if (attempt > crashAfter) {
                throw new SimulatedCrash();
            }
            delegate.put(object);
            keys.add(object.key());
            puts.incrementAndGet();
            if (attempt == crashAfter) {
                throw new SimulatedCrash();
            }
        }

        @Override
        public List<StoredObject> list(String prefix) {
            return delegate.list(prefix);
        }

        @Override
        public long records(String key) {
            return delegate.records(key);
        }
    }

    /**
     * The real S3 store; every upload waits at a gate that opens only once a hub loop is settling a revoked
     * lane (its thread is inside the rebalance listener, waiting for the upload under way).
     */
    private final class GatedStore extends RecordingStore {
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicInteger held = new AtomicInteger();
        private volatile boolean openedDuringRevoke;

        GatedStore() {
            super(Integer.MAX_VALUE);
        }

        @Override
        public void put(LakeObject object) {
            held.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            super.put(object);
        }

        void openWhenARevokedLaneSettles() {
            while (gate.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
                    boolean revoking = false;
                    boolean settling = false;
                    for (StackTraceElement frame : stack) {
                        revoking |= frame.getClassName().endsWith("HubWorker$LandOnRevoke")
                                && frame.getMethodName().equals("onPartitionsRevoked");
                        settling |= frame.getClassName().endsWith(".Lane") && frame.getMethodName().equals("settle");
                    }
                    if (revoking && settling) {
                        openedDuringRevoke = true;
                        gate.countDown();
                        return;
                    }
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after an upload, before the commit");
        }
    }
}
