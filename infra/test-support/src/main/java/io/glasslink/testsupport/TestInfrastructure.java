package io.glasslink.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.Exit;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real servers of one test JVM, started lazily on first use and stopped when the JVM exits.
 * Every test class of a module shares them, so a module's suite pays each start-up once.
 *
 * <p>With a Docker engine the servers are Testcontainers containers; without one they are the
 * embedded real servers: zonky's PostgreSQL 17 binaries, spring-kafka-test's KRaft broker and
 * S3Proxy on its filesystem backend.
 */
public final class TestInfrastructure {

    public static final String POSTGRES_IMAGE = "postgres:17-alpine";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MINIO_IMAGE = "minio/minio:RELEASE.2025-09-07T16-13-09Z";

    /** Broker settings that make Kafka transactions work on a single broker. */
    public static final Map<String, String> SINGLE_BROKER_PROPERTIES = Map.of(
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true");

    private static PostgresServer postgres;
    private static PostgreSQLContainer postgresContainer;
    private static KafkaServer kafka;
    private static KafkaContainer kafkaContainer;
    private static S3Server s3;

    private TestInfrastructure() {
    }

    /** The shared PostgreSQL server. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = InfrastructureMode.current() == InfrastructureMode.CONTAINERS
                    ? startPostgresContainer() : startEmbeddedPostgres();
        }
        return postgres;
    }

    /** The shared Kafka broker. */
    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = InfrastructureMode.current() == InfrastructureMode.CONTAINERS
                    ? startKafkaContainer() : new KafkaServer(startEmbeddedKafka().getBrokersAsString());
        }
        return kafka;
    }

    /** The shared S3-compatible server. */
    public static synchronized S3Server s3() {
        if (s3 == null) {
            s3 = InfrastructureMode.current() == InfrastructureMode.CONTAINERS ? startMinio() : startS3Proxy();
        }
        return s3;
    }

    /** The PostgreSQL container behind {@link #postgres()} in containers mode (for {@code @ServiceConnection}). */
    public static synchronized PostgreSQLContainer postgresContainer() {
        postgres();
        return postgresContainer;
    }

    /** The Kafka container behind {@link #kafka()} in containers mode (for {@code @ServiceConnection}). */
    public static synchronized KafkaContainer kafkaContainer() {
        kafka();
        return kafkaContainer;
    }

    /**
     * A new broker of its own, for a test that must stop or restart Kafka without disturbing the
     * shared one. The caller destroys it.
     */
    public static EmbeddedKafkaKraftBroker newPrivateKafkaBroker(int partitions, String... topics) {
        return newPrivateKafkaBroker(partitions, Map.of(), topics);
    }

    /**
     * A new broker of its own with extra broker properties (e.g. {@code advertised.listeners}, for a
     * test that puts a proxy between its clients and the broker). The caller destroys it.
     */
    public static EmbeddedKafkaKraftBroker newPrivateKafkaBroker(int partitions, Map<String, String> brokerProperties,
                                                                 String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
        Map<String, String> properties = new java.util.HashMap<>(SINGLE_BROKER_PROPERTIES);
        properties.putAll(brokerProperties);
        broker.brokerProperties(properties);
        // Kafka's test kit deletes the broker's log directories in a JVM shutdown hook of its own,
        // which runs concurrently with the contexts' close: the broker then fails its log dirs
        // while clients still talk to it. Deleting them as a Boot shutdown handler runs it after
        // the contexts are closed and after the broker is stopped (handlers run in reverse order).
        synchronized (TestInfrastructure.class) {
            Exit.setShutdownHookAdder((name, hook) -> stopAtExit(hook));
            try {
                broker.afterPropertiesSet();
            } finally {
                Exit.resetShutdownHookAdder();
            }
        }
        return broker;
    }

    private static PostgresServer startEmbeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by stopAtExit below, after the contexts are closed: its own JVM hook
                    // would stop it while Spring Modulith still reads its publication registry
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            stopAtExit(() -> closeQuietly(pg));
            PostgresServer server = new PostgresServer("localhost", pg.getPort(), "postgres", "postgres");
            ServerWatchdog.stopWithThisJvm(server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    private static PostgresServer startPostgresContainer() {
        postgresContainer = new PostgreSQLContainer(POSTGRES_IMAGE).withCommand("postgres", "-c", "max_connections=300");
        postgresContainer.start();
        return new PostgresServer(postgresContainer.getHost(), postgresContainer.getFirstMappedPort(),
                postgresContainer.getUsername(), postgresContainer.getPassword());
    }

    private static EmbeddedKafkaKraftBroker startEmbeddedKafka() {
        EmbeddedKafkaKraftBroker broker = newPrivateKafkaBroker(3);
        stopAtExit(broker::destroy);
        return broker;
    }

    private static KafkaServer startKafkaContainer() {
        kafkaContainer = new KafkaContainer(KAFKA_IMAGE);
        SINGLE_BROKER_PROPERTIES.forEach((k, v) -> kafkaContainer.withEnv("KAFKA_" + k.toUpperCase().replace('.', '_'), v));
        kafkaContainer.start();
        return new KafkaServer(kafkaContainer.getBootstrapServers());
    }

    private static S3Server startS3Proxy() {
        try {
            Path dir = Files.createTempDirectory("glasslink-s3proxy-");
            Properties props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
            String access = "test-access-key";
            String secret = "test-secret-key";
            // port 0: the proxy binds a port of its own (a port found free can be taken before the bind)
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", props))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, access, secret)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
            stopAtExit(() -> closeQuietly(proxy::stop));
            return new S3Server(URI.create("http://127.0.0.1:" + proxy.getPort()), access, secret, "eu-west-3");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    private static S3Server startMinio() {
        MinIOContainer minio = new MinIOContainer(MINIO_IMAGE);
        minio.start();
        return new S3Server(URI.create(minio.getS3URL()), minio.getUserName(), minio.getPassword(), "eu-west-3");
    }

    /**
     * Stops a server at JVM exit, but only after Spring Boot has closed every application context:
     * JVM shutdown hooks run concurrently, and a context that still flushes its outbox or commits
     * Kafka offsets while its database or broker is being stopped would wait out its timeouts.
     * Boot's shutdown handlers run after the contexts are closed (and register the JVM hook).
     */
    private static void stopAtExit(Runnable stop) {
        SpringApplication.getShutdownHandlers().add(stop);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // JVM is exiting
        }
    }
}
