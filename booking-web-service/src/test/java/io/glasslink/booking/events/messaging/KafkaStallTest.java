package io.glasslink.booking.events.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.glasslink.booking.BookingWebApplication;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.Booking;
import io.glasslink.booking.bookings.BookingEvents.BookingEvent;
import io.glasslink.booking.bookings.BookingSagaTestSupport;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker that stalls while booking events are on their way (issue #13: the same CloudEvent id at two offsets
 * after a broker crash). Its own context on a private broker that advertises a proxy, so every byte between the
 * service and the broker passes the proxy, which the test pauses: the Kafka client times requests out and retries
 * them on new connections while the held ones are still on their way. With an idempotent producer and no
 * resubmission while a send may still be delivered, each event reaches the topic once, with the id derived from
 * its stored publication.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {BookingWebApplication.class, KafkaStallTest.BusinessTime.class}, properties = {
        "glasslink.booking.recovery-delay=PT1H",
        "glasslink.booking.gateway-url=http://127.0.0.1:9",
        "glasslink.events.resubmit-after=PT12S",
        "glasslink.events.resubmit-every=PT1S",
        "spring.kafka.producer.properties.linger.ms=0",
        "spring.kafka.producer.properties.request.timeout.ms=1500",
        "spring.kafka.producer.properties.retry.backoff.ms=200",
        "spring.kafka.producer.properties.delivery.timeout.ms=8000",
        "spring.kafka.producer.properties.max.block.ms=2000"})
class KafkaStallTest {

    static final PausableTcpProxy PROXY = proxy();
    static final EmbeddedKafkaKraftBroker BROKER = broker();
    static final TestClock CLOCK = TestClock.atSuiteStart();

    @Autowired
    BookingService bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    private static PausableTcpProxy proxy() {
        try {
            return new PausableTcpProxy();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = advertising(PROXY);
        // after the contexts are closed (Boot runs its shutdown handlers last), so this one stops with a broker
        SpringApplication.getShutdownHandlers().add(() -> {
            PROXY.close();
            broker.destroy();
        });
        return broker;
    }

    /**
     * A private broker whose advertised address is {@code proxy}'s, which forwards to it: clients learn the proxy
     * as the broker's address, so all their traffic passes it. The caller destroys it.
     */
    static EmbeddedKafkaKraftBroker advertising(PausableTcpProxy proxy) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(TestInfrastructure.SINGLE_BROKER_PROPERTIES);
        broker.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port());
        broker.afterPropertiesSet();
        String real = broker.getBrokersAsString();
        proxy.forwardTo("127.0.0.1", Integer.parseInt(real.substring(real.lastIndexOf(':') + 1)));
        return broker;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("booking_kafka_stall");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PROXY.port());
        registry.add("glasslink.identity.secret", TestIdentity::secret);
    }


    @Test
    void eventsWrittenWhileTheBrokerStallsReachTheTopicOnceWithTheIdsOfTheirPublications() throws Exception {
        await("the producer is connected", () -> PROXY.connections() > 0, Duration.ofSeconds(30));
        List<String> references = new ArrayList<>();
        references.add(book().reference());
        await("the first event is out", () -> incomplete() == 0, Duration.ofSeconds(30));

        PROXY.pause();
        for (int i = 0; i < 4; i++) {
            references.add(book().reference());
        }
        // longer than the request timeout (1.5 s): the client retries on new connections; shorter than the
        // delivery timeout (8 s): the sends are still the client's when the broker answers again
        Thread.sleep(5_000);
        assertThat(incomplete()).as("nothing is acknowledged while the broker stalls").isEqualTo(4);
        PROXY.resume();
        await("every publication is acknowledged", () -> incomplete() == 0, Duration.ofSeconds(60));
        // past the resubmission age: a resubmission now would put a second copy on the topic
        Thread.sleep(14_000);

        Map<String, List<String>> idsOnTopic = idsOnTopic(Set.copyOf(references));
        Map<String, String> stored = storedIds(references);
        assertThat(stored).hasSize(references.size());
        for (String reference : references) {
            assertThat(idsOnTopic.get(reference)).as("BookingRequested of " + reference + " on the topic")
                    .containsExactly(stored.get(reference));
        }
    }

    private Booking book() {
        return bookings.book(BookingSagaTestSupport.replacementAt(nextWeekdayAfternoon()));
    }

    private static OffsetDateTime nextWeekdayAfternoon() {
        LocalDate day = NetworkCalendar.firstWorkingDayFrom(NetworkCalendar.today(CLOCK.instant()).plusDays(3));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            day = NetworkCalendar.firstWorkingDayFrom(day.plusDays(1));
        }
        return day.atTime(LocalTime.of(14, 0)).atZone(NetworkCalendar.ZONE).toOffsetDateTime();
    }

    private int incomplete() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
    }

    /** The CloudEvent id each booking's BookingRequested gets from its stored publication. */
    private Map<String, String> storedIds(List<String> references) throws ClassNotFoundException {
        Map<String, String> ids = new HashMap<>();
        for (Map<String, Object> row : jdbc.sql("select event_type, serialized_event from event_publication").query().listOfRows()) {
            Object event = json.readValue((String) row.get("serialized_event"), Class.forName((String) row.get("event_type")));
            if (event instanceof BookingEvent e && references.contains(e.bookingReference())) {
                ids.put(e.bookingReference(), CloudEventsExternalization.id(e).toString());
            }
        }
        return ids;
    }

    private static Map<String, List<String>> idsOnTopic(Set<String> references) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + PROXY.port());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "stall-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<String>> ids = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("booking.events"));
            long idle = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && idle < 6) {
                var polled = consumer.poll(Duration.ofMillis(500));
                idle = polled.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : polled) {
                    if (references.contains(r.key())) {
                        ids.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(
                                new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return ids;
    }

    private static void await(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + within).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
