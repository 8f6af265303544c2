package io.glasslink.supplychain.events.messaging;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import io.glasslink.supplychain.Prometheus;
import io.glasslink.supplychain.SupplyChainIntegrationTest;
import io.glasslink.supplychain.TestData;
import io.glasslink.supplychain.events.EventSchemas;
import io.glasslink.supplychain.events.TopicReader;
import io.glasslink.supplychain.events.TopicReader.Event;
import io.glasslink.supplychain.holds.HoldService;
import io.glasslink.supplychain.holds.PartHold;
import io.glasslink.supplychain.holds.PlaceHold;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.FreePorts;
import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka is down while holds are taken: the events wait in the publication registry (committed
 * with the holds), the outbox backlog meters show them waiting, and all of them reach Kafka once a broker
 * answers on that address again, each in the trace of the resubmission that sent it.
 * A context of its own: its Kafka address points at a port where no broker listens yet, and it
 * runs with the production default of no demo data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.properties.default.api.timeout.ms=1000",
        "spring.kafka.admin.properties.request.timeout.ms=1000",
        "spring.modulith.events.republish-outstanding-events-on-restart=false",
        "glasslink.supply.hold-expiry-interval=PT1H",
        // just over max.block.ms + delivery.timeout.ms, as the start-up check demands
        "glasslink.events.resubmit-after=PT3.5S",
        "glasslink.events.resubmit-every=PT1H"})
@Import(SupplyChainIntegrationTest.BusinessTime.class)
class KafkaOutageTests {

    static final int KAFKA_PORT = FreePorts.find();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("supplychain_outage");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
    }

    @Autowired
    HoldService holds;

    @Autowired
    OutboxResubmission resubmission;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxMetrics backlog;

    @Autowired
    TestClock clock;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    @LocalServerPort
    int port;

    @Test
    void eventsWrittenWhileKafkaIsDownAreAllPublishedOnceItIsBack() throws Exception {
        TestData data = new TestData(jdbc);
        String part = data.newPart(null);
        data.stock(part, "C050", 5);
        for (int i = 0; i < 3; i++) {
            PartHold hold = holds.place(new PlaceHold("BK-" + UUID.randomUUID(), part, 1, "C050", Duration.ofMinutes(15)),
                    "key-" + UUID.randomUUID());
            holds.confirm(hold.id());
        }
        // 3 x (PartHeld, StockLevelChanged, PartAllocated, StockLevelChanged); no transfer: local stock
        int expected = 12;
        awaitFailedSends(expected);
        clock.advance(Duration.ofSeconds(90));
        backlog.refresh();
        String waiting = scrape();
        assertThat(Prometheus.value(waiting, "glasslink_outbox_publications_incomplete")).isEqualTo(expected);
        assertThat(Prometheus.value(waiting, "glasslink_outbox_oldest_age_seconds")).isBetween(90.0, 200.0);
        assertThat(waiting).contains("# HELP glasslink_outbox_publications_incomplete ",
                "# HELP glasslink_outbox_oldest_age_seconds ");
        Set<String> resubmissionTraces = new HashSet<>();

        EmbeddedKafkaKraftBroker broker = TestInfrastructure.newPrivateKafkaBroker(3, "supplychain.events");
        String[] brokerAddress = broker.getBrokersAsString().split(",")[0].split(":");
        try (PortForwarder kafkaIsBack = new PortForwarder(KAFKA_PORT, brokerAddress[0],
                Integer.parseInt(brokerAddress[1]))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (incomplete() > 0 && System.nanoTime() < deadline) {
                resubmissionTraces.add(resubmitInATrace());
                Thread.sleep(2000);
            }
            assertThat(incomplete()).isZero();
            backlog.refresh();
            String caughtUp = scrape();
            assertThat(Prometheus.value(caughtUp, "glasslink_outbox_publications_incomplete")).isZero();
            assertThat(Prometheus.value(caughtUp, "glasslink_outbox_oldest_age_seconds")).isZero();

            List<Event> events = TopicReader.read(broker.getBrokersAsString(), "supplychain.events",
                    k -> k.equals(part + "@C050"), got -> distinctIds(got).size() >= expected, Duration.ofSeconds(30));
            // a resubmitted event may arrive twice (at-least-once), always with the same CloudEvents id
            assertThat(distinctIds(events)).hasSize(expected);
            assertThat(distinctIds(events.stream().filter(e -> e.name().equals("PartHeld")).toList())).hasSize(3);
            assertThat(distinctIds(events.stream().filter(e -> e.name().equals("PartAllocated")).toList())).hasSize(3);
            // sent again from the outbox: the same shape, the times still with the Paris offset
            for (Event e : events) {
                CloudEventChecks.check(e.record(), "/glasslink/supply-chain-service");
                EventSchemas.checkParisTimes(e);
                String traceparent = e.headers().get("ce_traceparent");
                assertThat(traceparent).as("ce_traceparent of " + e.name()).isNotNull();
                assertThat(traceparent.split("-")[1]).as("the trace of a resubmission").isIn(resubmissionTraces);
            }
        } finally {
            broker.destroy();
        }
    }

    @Test
    void withoutTheDemoSwitchTheDatabaseGetsTheNetworkButNoDemoCatalogueOrStock() {
        assertThat(count("select count(*) from locations where type = 'CENTRE'")).isEqualTo(450);
        assertThat(count("select count(*) from locations where type in ('DC', 'DEPOT')")).isEqualTo(21);
        assertThat(count("select count(*) from vehicle_models")).isZero();
        assertThat(count("select count(*) from parts where part_number not like '0000T%'")).isZero();
        assertThat(count("select count(*) from stock where part_number not like '0000T%'")).isZero();
    }

    /** Resubmits in a trace of its own, as the scheduler's observation of the job does; answers its trace id. */
    private String resubmitInATrace() {
        Observation resubmitting = Observation.start("test.outbox.resubmission", observations);
        try (Observation.Scope scope = resubmitting.openScope()) {
            resubmission.resubmitIncomplete();
            return tracer.currentSpan().context().traceId();
        } finally {
            resubmitting.stop();
        }
    }

    private String scrape() {
        return RestClient.create().get().uri("http://localhost:" + port + "/actuator/prometheus").retrieve().body(String.class);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static java.util.Set<String> distinctIds(List<Event> events) {
        return events.stream().map(e -> e.headers().get("ce_id")).collect(java.util.stream.Collectors.toSet());
    }

    private void awaitFailedSends(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && failed() < expected) {
            Thread.sleep(250);
        }
        assertThat(failed()).isEqualTo(expected);
    }

    private long incomplete() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    private long failed() {
        return jdbc.sql("select count(*) from event_publication where status = 'FAILED'").query(Long.class).single();
    }
}
