package io.glasslink.datahub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub stops within 20 s of SIGTERM (which closes the application context) with events buffered and
 * the broker gone, or the store not answering: past {@code shutdown-timeout} it stops like a crash, and
 * the next owner reads again what was not committed.
 */
class ShutdownTest {

    private static final Duration BOUND = Duration.ofSeconds(20);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aContextWhoseBrokerIsGoneClosesWithinTwentySeconds() {
        EmbeddedKafkaKraftBroker broker = TestInfrastructure.newPrivateKafkaBroker(1);
        ConfigurableApplicationContext context = start(broker.getBrokersAsString(), TestInfrastructure.s3().endpoint().toString(), true);
        try {
            produce(broker.getBrokersAsString(), 20);
            // read and buffered: the batch waits for its idle flush (1 h), nothing is committed yet
            await().atMost(Duration.ofSeconds(60)).until(() -> forwarded(context) >= 20);
        } finally {
            broker.destroy();
        }

        assertThat(timeToClose(context)).isLessThan(BOUND);
    }

    @Test
    void aContextWhoseStoreDoesNotAnswerClosesWithinTwentySeconds() throws IOException {
        try (Blackhole store = new Blackhole()) {
            ConfigurableApplicationContext context = start(TestInfrastructure.kafka().bootstrapServers(), store.endpoint(), false);
            produce(TestInfrastructure.kafka().bootstrapServers(), 20);
            // an upload is under way: the store took the connection and never answers
            await().atMost(Duration.ofSeconds(60)).until(() -> store.connections() > 0);

            assertThat(timeToClose(context)).isLessThan(BOUND);
        }
    }

    /** The hub; with a store that answers, the batch is landed only at the stop, otherwise its upload starts at once. */
    private ConfigurableApplicationContext start(String bootstrapServers, String s3Endpoint, boolean storeAnswers) {
        var s3 = TestInfrastructure.s3();
        return new SpringApplicationBuilder(DatahubApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--glasslink.s3.endpoint=" + s3Endpoint,
                "--glasslink.s3.access-key=" + s3.accessKey(),
                "--glasslink.s3.secret-key=" + s3.secretKey(),
                "--glasslink.s3.region=" + s3.region(),
                "--glasslink.datahub.group-id=shutdown-test-" + run,
                "--glasslink.datahub.poll-timeout=100ms",
                "--glasslink.datahub.lake.bucket=shutdown-test-" + run,
                "--glasslink.datahub.lake.create-bucket=" + storeAnswers,
                "--glasslink.datahub.lake.flush-after=" + (storeAnswers ? "1h" : "200ms"),
                "--glasslink.datahub.routing.routes.shutdown-lake.from=shutdown-test." + run,
                "--glasslink.datahub.routing.routes.shutdown-lake.to=lake",
                "--glasslink.datahub.routing.routes.shutdown-fanout.from=shutdown-test." + run,
                "--glasslink.datahub.routing.routes.shutdown-fanout.to=topic:shutdown-test." + run + ".fanout",
                "--logging.level.org.apache.kafka=ERROR");
    }

    private void produce(String bootstrapServers, int count) {
        OffsetDateTime time = OffsetDateTime.now(TestClock.atSuiteStart().withZone(TestClock.PARIS));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "1"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(TestEvents.record("shutdown-test." + run, TestEvents.probeMeasured("probe-" + run, i, time, 20)));
            }
            producer.flush();
        }
    }

    private static double forwarded(ConfigurableApplicationContext context) {
        Counter counter = context.getBean(MeterRegistry.class).find("datahub.events.forwarded").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Duration timeToClose(ConfigurableApplicationContext context) {
        long started = System.nanoTime();
        context.close();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** An S3 endpoint that takes connections and never answers, like a store behind a dead network path. */
    private static final class Blackhole implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Blackhole() throws IOException {
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "s3-blackhole");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        int connections() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : new ArrayList<>(held)) {
                socket.close();
            }
        }
    }
}
