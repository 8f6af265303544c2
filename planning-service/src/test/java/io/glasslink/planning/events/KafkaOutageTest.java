package io.glasslink.planning.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasslink.planning.BusinessTime;
import io.glasslink.planning.TestIdentity;
import io.glasslink.planning.appointments.Appointment;
import io.glasslink.planning.appointments.AppointmentService;
import io.glasslink.planning.appointments.HoldCommand;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.Mode;
import io.glasslink.planning.slots.SlotQuery;
import io.glasslink.planning.slots.SlotSearch;
import io.glasslink.planning.slots.SlotSearchResult;
import io.glasslink.testsupport.CloudEventChecks;
import io.glasslink.testsupport.FreePorts;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka unreachable when the events are written: they wait in the outbox (the publication
 * registry) and reach the topic once Kafka is back, with the CloudEvent ids they were given.
 * Its own context: the service's bootstrap server is a port that refuses, then forwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "glasslink.events.resubmit-every=PT1S",
        // just above the producer's delivery.timeout.ms + max.block.ms below (4.5 s): checked at start-up
        "glasslink.events.resubmit-after=PT5S",
        "glasslink.demo-data.enabled=true",
        "glasslink.planning.seed.appointments=0",
        "glasslink.planning.holds.expiry-interval=PT1H",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.producer.properties.max.block.ms=1500",
        "spring.kafka.producer.properties.delivery.timeout.ms=3000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.reconnect.backoff.max.ms=500",
        "management.tracing.export.zipkin.enabled=false"})
@Import(BusinessTime.class)
class KafkaOutageTest {

    private static final SwitchableTcpProxy KAFKA = new SwitchableTcpProxy(FreePorts.find(), TestInfrastructure.kafka().bootstrapServers());
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @Autowired
    AppointmentService appointments;

    @Autowired
    SlotSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("planning_outage");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + proxyPort());
        registry.add("glasslink.identity.secret", TestIdentity::secret);
    }

    private static int proxyPort() {
        return KAFKA.port();
    }

    @AfterAll
    static void closeProxy() {
        KAFKA.close();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWithTheirIdsOnceItIsBack() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (String centre : List.of("C080", "C081", "C082")) {
            subjects.add(holdFirstSlot(centre).appointmentId().toString());
        }
        Map<String, String> storedIds = new HashMap<>();
        for (String s : jdbc.queryForList("select serialized_event from event_publication", String.class)) {
            Matcher m = EVENT_ID.matcher(s);
            if (m.find() && subjects.stream().anyMatch(s::contains)) {
                storedIds.put(subjects.stream().filter(s::contains).findFirst().orElseThrow(), m.group(1));
            }
        }
        assertThat(storedIds).hasSize(3);
        // a send gives up within its bound, the send observation's cluster id look-up included (30 s by default), so
        // the outbox keeps moving while Kafka is down (the resubmission soon sends a failed one again: any seen counts)
        Set<String> failed = new HashSet<>();
        long failing = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (failed.isEmpty() && System.nanoTime() < failing) {
            failed.addAll(jdbc.queryForList("select id::text from event_publication where status = 'FAILED'", String.class));
            Thread.sleep(100);
        }
        assertThat(failed).as("a send failed within its bound while Kafka is down").isNotEmpty();
        assertThat(incomplete()).as("nothing can be published while Kafka is down").isEqualTo(3);

        KAFKA.up();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (incomplete() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(incomplete()).as("every publication completed once Kafka is back").isZero();

        Map<String, String> published = new HashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("planning.events"));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (published.size() < 3 && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String subject = PlanningEventsTest.header(r, "ce_subject");
                    if (subjects.contains(subject)) {
                        published.put(subject, PlanningEventsTest.header(r, "ce_id"));
                        // sent again from the outbox, in the trace of its resubmission
                        CloudEventChecks.checkTraced(r, "/glasslink/planning-service");
                        assertThat(EventSchemas.validate("SlotHeld", r.value()))
                                .as(new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
                    }
                }
            }
        }
        assertThat(published).isEqualTo(storedIds);
    }

    private int incomplete() {
        Integer n = jdbc.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class);
        return n == null ? -1 : n;
    }

    private Appointment holdFirstSlot(String centre) {
        // the first start of the two weeks after the next three days: seeded absences vary with the date
        LocalDate from = BusinessTime.today().plusDays(3);
        SlotSearchResult r = search.search(new SlotQuery(JobType.CHIP_REPAIR, false, List.of(centre), null, from,
                from.plusDays(13), null, null));
        OffsetDateTime start = r.results().get(0).slots().get(0).start();
        return appointments.hold(new HoldCommand("OUT-" + UUID.randomUUID(), JobType.CHIP_REPAIR, false, centre, Mode.CENTRE, null, start));
    }
}
