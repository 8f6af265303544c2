package io.glasslink.datahub.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.glasslink.datahub.TestEvents;
import io.glasslink.datahub.TestKafka;
import io.glasslink.datahub.contracts.EventSchemas;
import io.glasslink.datahub.contracts.EventValidator;
import io.glasslink.datahub.lake.LakeProperties;
import io.glasslink.datahub.lake.StoredObject;
import io.glasslink.datahub.lake.s3.S3LakeStore;
import io.glasslink.datahub.routing.Router;
import io.glasslink.datahub.routing.RoutingProperties;
import io.glasslink.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not part of {@code verify} (tag {@code benchmark}): on one topic of ≈1 KB CloudEvents, a
 * plain Kafka consumer's read rate against the hub's landing rate (validate, encode, gzip, upload to
 * the S3-compatible store, commit), then landing latency at a steady trickle. The events are spread
 * round robin and the hub's rotation is half a partition's share, so that the timed runs end with a
 * count-based rotation rather than waiting for the idle flush (use a multiple of 6 events). Run with
 * {@code ./mvnw -pl datahub-service test -Dgroups=benchmark -DexcludedGroups=none -Dtest=LakeLandingBenchmark -Ddatahub.test.jvm="-Xmx2g -XX:+UseParallelGC"}
 * ({@code -Dbench.events=N} to change the volume). Results on stdout and in target/benchmark-datahub.txt.
 */
@Tag("benchmark")
class LakeLandingBenchmark {

    private static final int PARTITIONS = 3;
    private final int events = Integer.getInteger("bench.events", 300_000);
    private final int warmUpEvents = Integer.getInteger("bench.warmup.events", events);
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "bench-" + id;
    private final List<String> report = new ArrayList<>();

    @Test
    void plainConsumerVersusHubLandingOnTheSameTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
             S3Client s3 = lakeClient()) {
            TestKafka.createTopic(admin, topic, PARTITIONS);
            warmUpGroupCoordinator();
            String warmUp = topic + "-warm-up";
            TestKafka.createTopic(admin, warmUp, PARTITIONS);
            produce(warmUp, warmUpEvents);
            int eventBytes = produce(topic, events);
            say("events: %,d on %d partitions, value %d bytes (≈ %d bytes with CloudEvents headers); each reader first warms up on %,d others",
                    events, PARTITIONS, eventBytes, eventBytes + 330, warmUpEvents);

            warmUp("plain consumer", () -> plainConsumerRate(warmUp, warmUpEvents));
            long cpu = processCpuNanos();
            Map<String, Long> threadsBefore = cpuByThreadGroup();
            double plain = plainConsumerRate(topic, events);
            Map<String, Long> plainCpu = since(threadsBefore);
            say("plain Kafka consumer: %,.0f events/s; JVM CPU %.1f ms per 1,000 events", plain, perThousand(processCpuNanos() - cpu));
            say("  %s", breakdown(plainCpu));
            warmUp("hub, 1 loop", () -> hubRate(admin, s3, 1, "bench-warm-up-" + id + "-1", warmUp, warmUpEvents, false));
            double hub1 = hubRate(admin, s3, 1, "bench-lake-" + id + "-1", topic, events, true);
            say("hub, 1 consumer loop -> S3Proxy: %,.0f events/s (%.2f x plain)", hub1, hub1 / plain);
            warmUp("hub, 2 loops", () -> hubRate(admin, s3, 2, "bench-warm-up-" + id + "-2", warmUp, warmUpEvents, false));
            double hub2 = hubRate(admin, s3, 2, "bench-lake-" + id + "-2", topic, events, true);
            say("hub, 2 consumer loops -> S3Proxy: %,.0f events/s (%.2f x plain)", hub2, hub2 / plain);
            s3Reference(s3, "bench-lake-" + id + "-1");
            stages();
            latency(admin, s3);
        }
        Files.write(Path.of("target", "benchmark-datahub.txt"), report, StandardCharsets.UTF_8);
    }

    /**
     * Warm-up, so that the measured runs are the steady state of a long-running reader and not the JIT's
     * work: right before its timed run, each reader (plain consumer, hub with 1 loop, hub with 2 loops)
     * reads a topic of its own ({@code bench.warmup.events}, as many as the timed runs by default), then
     * the benchmark waits until the JIT compiler threads have been quiet for a second (at most 60 s). Right
     * before, not all at the start: this one JVM (broker, S3Proxy, clients, hub) otherwise recompiles
     * what another phase deoptimised or flushed meanwhile. The JIT's CPU during each timed run is still
     * printed in its breakdown.
     */
    private void warmUp(String reader, java.util.concurrent.Callable<Double> pass) throws Exception {
        pass.call();
        // quiet = the compiler threads' own CPU (not the JVM's compilation-time counter, which only grows
        // when a compilation ends: one long C2 compilation looks quiet) grew by < 20 ms in a second
        long started = System.nanoTime();
        long last = jitCpuNanos();
        while (System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(1000);
            long now = jitCpuNanos();
            if (now - last < 20_000_000L) {
                break;
            }
            last = now;
        }
        System.out.printf("[benchmark] warm-up of the %s done; JIT quiet after %.1f s more%n", reader, (System.nanoTime() - started) / 1e9);
    }

    private int produce(String target, int count) throws Exception {
        int size = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < count; i++) {
                var record = TestEvents.record(target, TestEvents.probeMeasured("probe-" + (i % 500), i,
                        base.plusNanos(i * 1000L), 860));
                size = record.value().length;
                // round robin: every partition gets the same count, so count-based rotation lands it all (no idle-flush tail)
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(target, i % PARTITIONS, record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
        }
        return size;
    }

    /** The S3 client the hub builds for its lake (S3Configuration), on the test S3Proxy. */
    private static S3Client lakeClient() {
        var server = TestInfrastructure.s3();
        return S3LakeStore.client(new io.glasslink.datahub.lake.s3.S3Properties(server.endpoint().toString(), server.accessKey(),
                server.secretKey(), server.region(), true));
    }

    /** The first group of a fresh broker waits for the offsets topic: pay that before measuring. */
    private void warmUpGroupCoordinator() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-warm-up-" + id), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.commitSync();
        }
    }

    private double plainConsumerRate(String source, int count) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + source, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long read = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(source));
            while (read < count) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    read += r.value().length > 0 ? 1 : 0;
                }
            }
            consumer.commitSync();
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private double hubRate(Admin admin, S3Client s3, int loops, String bucket, String source, int count, boolean report) throws Exception {
        String group = bucket;
        // two full batches per partition: the run ends with the last count-based rotation, not with an idle flush
        int perBatch = (count / PARTITIONS + 1) / 2;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        HubPipeline hub = pipeline(s3, source, bucket, group, loops, perBatch, Duration.ofSeconds(5), registry);
        long cpu = processCpuNanos();
        Map<String, Long> threadsBefore = cpuByThreadGroup();
        long started = System.nanoTime();
        hub.start();
        // the hub counts records once their batch is committed: watch that in-process (an admin client
        // polling the broker every few ms would add its own work to the run), then check the commits
        while (registry.get("datahub.lake.records").counter().count() < count) {
            Thread.sleep(5);
        }
        double rate = count / ((System.nanoTime() - started) / 1e9);
        long jvmCpu = processCpuNanos() - cpu;
        long hubCpu = hubThreadsCpuNanos();
        Map<String, Long> runCpu = since(threadsBefore);
        assertThat(TestKafka.committedToEnd(admin, group, source, PARTITIONS)).isTrue();
        hub.stop();
        long landed = 0;
        long bytes = 0;
        S3LakeStore store = store(s3, bucket);
        List<StoredObject> objects = store.list("raw/");
        for (StoredObject o : objects) {
            landed += store.records(o.key());
            bytes += o.size();
        }
        assertThat(landed).isEqualTo(count);
        if (!report) {
            return rate;
        }
        say("  %d objects, %,d records, %,d gzip bytes in the lake; CPU per 1,000 events: hub threads %.1f ms, whole JVM (broker, S3Proxy, hub) %.1f ms",
                objects.size(), landed, bytes, perThousand(hubCpu), perThousand(jvmCpu));
        say("  %s", breakdown(runCpu));
        return rate;
    }

    /**
     * The store alone, as a reference: the objects the 1-loop hub landed, read back and PUT again into a
     * fresh bucket from 4 threads (the hub's upload threads), with the same client. A ceiling the hub cannot pass.
     */
    private void s3Reference(S3Client s3, String landedBucket) throws Exception {
        S3LakeStore from = store(s3, landedBucket);
        List<io.glasslink.datahub.lake.LakeObject> objects = new ArrayList<>();
        long bytes = 0;
        for (StoredObject o : from.list("raw/")) {
            byte[] content = s3.getObjectAsBytes(b -> b.bucket(landedBucket).key(o.key())).asByteArray();
            objects.add(new io.glasslink.datahub.lake.LakeObject(o.key(), content, from.records(o.key()), 0, 0));
            bytes += content.length;
        }
        S3LakeStore to = store(s3, "bench-s3-" + id);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            List<java.util.concurrent.Future<?>> puts = new ArrayList<>();
            for (var o : objects) {
                puts.add(pool.submit(() -> to.put(o)));
            }
            for (var put : puts) {
                put.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            say("S3Proxy alone (reference): PUT of the same %d objects, %,d bytes, 4 threads: %.0f ms, %.1f MB/s, the PUT work of %,.0f events/s",
                    objects.size(), bytes, seconds * 1000, bytes / seconds / 1e6, events / seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The hub's per-event work without Kafka, S3 or other threads: CPU time of this thread per stage over
     * the first 50,000 records of the topic, each stage run three times (the last one counts).
     */
    private void stages() throws Exception {
        int count = Math.min(events, 50_000);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-stages-" + id, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (records.size() < count) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (records.size() < count) {
                        records.add(r);
                    }
                }
            }
        }
        BinaryEnvelopes envelopes = new BinaryEnvelopes();
        EventValidator validator = new EventValidator(EventSchemas.loadFromClasspath());
        io.glasslink.datahub.lake.LakeLines lines = new io.glasslink.datahub.lake.LakeLines(JsonMapper.builder().build());
        io.glasslink.datahub.lake.LakeLayout layout = new io.glasslink.datahub.lake.LakeLayout("raw");
        var envelope = new io.glasslink.datahub.contracts.EventEnvelope[count];
        var valid = new io.glasslink.datahub.contracts.ValidEvent[count];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double read = 0;
        double validate = 0;
        double encode = 0;
        double gzip = 0;
        for (int round = 0; round < 3; round++) {
            long t1 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                envelope[i] = envelopes.read(records.get(i));
            }
            long t2 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                valid[i] = validator.validate(topic, envelope[i]);
            }
            long t3 = threads.getCurrentThreadCpuTime();
            long length = 0;
            for (int i = 0; i < count; i++) {
                length += lines.encodeInPlace(valid[i], topic, 0, i, null);
            }
            long t4 = threads.getCurrentThreadCpuTime();
            io.glasslink.datahub.lake.PartitionBatch batch = new io.glasslink.datahub.lake.PartitionBatch(topic, 0, 0, System.nanoTime(), layout,
                    lake("stages", count, Duration.ofHours(1)));
            for (int i = 0; i < count; i++) {
                int n = lines.encodeInPlace(valid[i], topic, 0, i, null);
                batch.append(valid[i].type(), valid[i].time().toInstant(), lines.buffer(), n, i);
            }
            batch.seal();
            long t5 = threads.getCurrentThreadCpuTime();
            assertThat(length).isPositive();
            read = (t2 - t1) / 1e3 / count;
            validate = (t3 - t2) / 1e3 / count;
            encode = (t4 - t3) / 1e3 / count;
            gzip = (t5 - t4) / 1e3 / count - encode;
        }
        say("hub work per event, one thread, no I/O (%,d events, CPU µs): read the headers (CloudEvents SDK reader) %.2f, "
                + "validate (parse + schema) %.2f, encode the line %.2f, gzip %.2f; total %.2f",
                count, read, validate, encode, gzip, read + validate + encode + gzip);
    }

    private double perThousand(long nanos) {
        return nanos / 1e6 / (events / 1000.0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the hub's own threads (consumer loops, lanes, uploads; they live for one run only). */
    private static long hubThreadsCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("datahub-")) {
                long cpu = threads.getThreadCpuTime(t.getId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }

    /**
     * CPU time (user + system, Linux {@code /proc/self/task}) of every thread of this JVM, summed by kind
     * of thread: the hub's, the plain consumer (main), the embedded broker, S3Proxy, GC, JIT and the rest.
     * Native threads (GC, compiler) count too, unlike ThreadMXBean. Threads that end during a run lose
     * their share (none of the hub's do: they live until stop()).
     */
    private static Map<String, Long> cpuByThreadGroup() {
        Map<String, Long> groups = new java.util.TreeMap<>();
        long tick = 10_000_000L; // USER_HZ 100
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long nanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                    groups.merge(task.getFileName() + " " + name, nanos, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    private static long jitCpuNanos() {
        long total = 0;
        for (Map.Entry<String, Long> thread : cpuByThreadGroup().entrySet()) {
            if (kindOf(thread.getKey().substring(thread.getKey().indexOf(' ') + 1)).equals("JIT")) {
                total += thread.getValue();
            }
        }
        return total;
    }

    private static Map<String, Long> since(Map<String, Long> before) {
        Map<String, Long> groups = new java.util.TreeMap<>();
        cpuByThreadGroup().forEach((thread, nanos) -> groups.merge(kindOf(thread.substring(thread.indexOf(' ') + 1)),
                nanos - before.getOrDefault(thread, 0L), Long::sum));
        return groups;
    }

    private static String kindOf(String name) {
        if (name.startsWith("datahub-lane")) {
            return "hub lanes";
        } else if (name.startsWith("datahub-consum")) {
            return "hub consumer loop";
        } else if (name.startsWith("datahub-upload")) {
            return "hub uploads";
        } else if (name.startsWith("kafka-producer")) {
            return "hub producer";
        } else if (name.startsWith("kafka-coordinat")) {
            return "consumer heartbeat";
        } else if (name.startsWith("kafka-admin-cli")) {
            return "admin client (benchmark)";
        } else if (name.equals("java") || name.equals("main")) {
            return "main (the plain consumer; the benchmark's wait)";
        } else if (name.startsWith("S3Proxy") || name.startsWith("qtp") || name.startsWith("user thread")) {
            return "S3Proxy";
        } else if (name.startsWith("GC Thread") || name.startsWith("VM Thread") || name.startsWith("GC ")) {
            return "GC + VM";
        } else if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler") || name.startsWith("Compiler") || name.startsWith("Sweeper")) {
            return "JIT";
        } else if (name.startsWith("JFR") || name.startsWith("Attach")) {
            return "JFR";
        } else if (name.startsWith("data-plane-kaf") || name.startsWith("kafka") || name.startsWith("group-coordin")
                || name.startsWith("quorum") || name.startsWith("controller") || name.startsWith("broker") || name.startsWith("ExpirationReap")
                || name.startsWith("LogDirFailure") || name.startsWith("executor-") || name.startsWith("raft") || name.startsWith("share-")
                || name.startsWith("transaction") || name.startsWith("ThrottledChann") || name.startsWith("metadata") || name.startsWith("TxnMarker")) {
            return "Kafka broker";
        }
        return "other";
    }

    private String breakdown(Map<String, Long> cpu) {
        StringBuilder line = new StringBuilder("CPU ms per 1,000 events by thread:");
        cpu.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(" %s %.1f;", e.getKey(), perThousand(e.getValue()))));
        return line.toString();
    }

    /**
     * Landing latency at a steady 2,000 events/s for 10 s with a 1 s idle flush: the moment an
     * object is first listed in the store (a lister polls every 20 ms, on this machine's clock)
     * minus the time of each event in it. S3's lastModified is not used: it has 1 s resolution.
     */
    private void latency(Admin admin, S3Client s3) throws Exception {
        String bucket = "bench-latency-" + id;
        String trickle = topic + "-latency";
        TestKafka.createTopic(admin, trickle, PARTITIONS);
        HubPipeline hub = pipeline(s3, trickle, bucket, bucket, 1, 50_000, Duration.ofSeconds(1));
        hub.start();
        Map<String, Instant> landedAt = new ConcurrentHashMap<>();
        AtomicBoolean listing = new AtomicBoolean(true);
        Thread lister = new Thread(() -> {
            while (listing.get()) {
                try {
                    s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("raw/")).contents()
                            .forEach(o -> landedAt.putIfAbsent(o.key(), Instant.now()));
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // bucket not created yet: the hub creates it with its first object
                }
            }
        }, "landing-lister");
        lister.setDaemon(true);
        lister.start();
        Thread.sleep(3000);
        Instant from = Instant.now();
        for (int second = 0; second < 10; second++) {
            long tick = System.nanoTime();
            produceNow(trickle, 2000);
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - tick) / 1_000_000));
        }
        Thread.sleep(4000);
        listing.set(false);
        lister.join(5000);
        hub.stop();
        List<Long> latencies = new ArrayList<>();
        for (var line : io.glasslink.datahub.TestLake.lines(s3, bucket, "raw/")) {
            Instant time = OffsetDateTime.parse(line.event().get("time").asText()).toInstant();
            Instant landed = landedAt.get(line.key());
            if (time.isAfter(from) && landed != null) {
                latencies.add(Duration.between(time, landed).toMillis());
            }
        }
        Collections.sort(latencies);
        say("landing latency at 2,000 events/s, flush-after 1 s (%,d events): p50 %d ms, p99 %d ms, max %d ms (object first listed, polled every 20 ms, minus event time)",
                latencies.size(), latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 99 / 100), latencies.get(latencies.size() - 1));
    }

    private void produceNow(String trickle, int count) throws Exception {
        try (KafkaProducer<String, byte[]> producer = TestKafka.producer()) {
            for (int i = 0; i < count; i++) {
                producer.send(TestEvents.record(trickle, TestEvents.probeMeasured("probe-" + (i % 500), i, OffsetDateTime.now(ZoneOffset.UTC), 860)));
            }
            producer.flush();
        }
    }

    private HubPipeline pipeline(S3Client s3, String source, String bucket, String group, int loops, int maxRecords, Duration flushAfter) {
        return pipeline(s3, source, bucket, group, loops, maxRecords, flushAfter, new SimpleMeterRegistry());
    }

    private HubPipeline pipeline(S3Client s3, String source, String bucket, String group, int loops, int maxRecords, Duration flushAfter,
                                 SimpleMeterRegistry registry) {
        LakeProperties lake = lake(bucket, maxRecords, flushAfter);
        S3LakeStore store = store(s3, bucket);
        Router router = new Router(new RoutingProperties(Map.of("all", new RoutingProperties.Route(List.of(source), List.of(), "lake")), List.of()));
        HubProperties hub = new HubProperties(group, loops, source + ".dlq", PARTITIONS, Duration.ofDays(1), Duration.ofMillis(100), 4, 0, false, 50_000, Duration.ofSeconds(8));
        Map<String, Object> consumer = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return new HubPipeline(hub, lake, router, new EventValidator(EventSchemas.loadFromClasspath()), JsonMapper.builder().build(), store,
                consumer, producer, registry,
                java.time.Clock.systemUTC(), io.micrometer.observation.ObservationRegistry.NOOP);
    }

    private static LakeProperties lake(String bucket, int maxRecords, Duration flushAfter) {
        return new LakeProperties(bucket, "raw", true, maxRecords, DataSize.ofMegabytes(128), Duration.ofHours(1), flushAfter,
                DataSize.ofMegabytes(16), DataSize.ofMegabytes(8));
    }

    private static S3LakeStore store(S3Client s3, String bucket) {
        S3LakeStore store = new S3LakeStore(s3, lake(bucket, 1, Duration.ofSeconds(1)));
        store.createBucketIfMissing();
        return store;
    }

    private void say(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        System.out.println("[benchmark] " + line);
        report.add(line);
    }
}
