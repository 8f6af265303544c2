package io.glasslink.booking.events.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import io.glasslink.booking.BookingWebApplication;
import io.glasslink.booking.availability.NetworkCalendar;
import io.glasslink.booking.bookings.BookingSagaTestSupport;
import io.glasslink.booking.bookings.BookingService;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the service (what SIGTERM does: close the context) ends within the stated bound while its Kafka broker
 * stalls with an event on its way: the producer's close, the read model's consumer and each lifecycle phase are
 * bounded. Its own application, started and closed here, since a test context is the framework's to close.
 */
class ShutdownTest {

    /** The bound on a stop with Kafka gone (README "Shutdown"). */
    static final Duration STOP_BOUND = Duration.ofSeconds(20);
    static final TestClock CLOCK = TestClock.atSuiteStart();

    /** The application's business clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Test
    void theServiceStopsWithinTwentySecondsWhileItsBrokerStalls() throws Exception {
        PausableTcpProxy proxy = new PausableTcpProxy();
        EmbeddedKafkaKraftBroker broker = KafkaStallTest.advertising(proxy);
        PostgresServer pg = TestInfrastructure.postgres();
        ConfigurableApplicationContext app = null;
        try {
            // command-line arguments win over application.yml
            app = new SpringApplicationBuilder(BookingWebApplication.class, BusinessTime.class).run(
                    "--server.port=0",
                    "--spring.datasource.url=" + pg.createDatabase("booking_shutdown"),
                    "--spring.datasource.username=" + pg.username(),
                    "--spring.datasource.password=" + pg.password(),
                    "--spring.kafka.bootstrap-servers=127.0.0.1:" + proxy.port(),
                    "--glasslink.booking.gateway-url=http://127.0.0.1:9",
                    "--glasslink.identity.secret=" + TestIdentity.secret());
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (proxy.connections() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            proxy.pause();
            LocalDate day = NetworkCalendar.firstWorkingDayFrom(NetworkCalendar.today(CLOCK.instant()).plusDays(3));
            if (day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY) {
                day = NetworkCalendar.firstWorkingDayFrom(day.plusDays(1));
            }
            app.getBean(BookingService.class).book(BookingSagaTestSupport.replacementAt(
                    day.atTime(LocalTime.of(14, 0)).atZone(NetworkCalendar.ZONE).toOffsetDateTime()));
            assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                    .query(Integer.class).single()).as("an event is on its way").isPositive();

            long start = System.nanoTime();
            app.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("ShutdownTest: the context closed in " + took.toMillis() + " ms with the broker stalled");
            assertThat(took).as("stop with the broker stalled").isLessThan(STOP_BOUND);
        } finally {
            if (app != null && app.isActive()) {
                app.close();
            }
            proxy.close();
            broker.destroy();
        }
    }
}
