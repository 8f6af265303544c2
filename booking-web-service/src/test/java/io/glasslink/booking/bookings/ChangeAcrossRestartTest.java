package io.glasslink.booking.bookings;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.BookingWebApplication;
import io.glasslink.booking.support.FakeGateway;
import io.glasslink.booking.support.FakeGateway.Fault;
import io.glasslink.booking.support.FakeGateway.Side;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestClock;
import io.glasslink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancellation stopped half-way by a restart of the service: the appointment is cancelled, supply chain cannot be
 * reached, the application stops; a new application on the same database (nothing but the stored booking to go on)
 * releases the part and ends the booking CANCELLED. Its own applications, started and closed here.
 */
class ChangeAcrossRestartTest {

    static final TestClock CLOCK = TestClock.atSuiteStart();

    /** The applications' business clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Test
    void aCancellationInterruptedByARestartIsFinishedByTheNextInstanceFromTheStoredBookingAlone() {
        PostgresServer pg = TestInfrastructure.postgres();
        String database = pg.createDatabase("booking_change_restart");
        try (FakeGateway onPrem = new FakeGateway(CLOCK)) {
            Booking booking;
            try (ConfigurableApplicationContext first = start(pg, database, onPrem)) {
                BookingService service = first.getBean(BookingService.class);
                booking = service.book(BookingSagaTestSupport.replacementAt(onPrem.slotStart(1, 14)));
                assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
                onPrem.fault(Side.SUPPLY_CHAIN, Fault.DOWN);
                assertThat(service.cancel(booking).status()).isEqualTo(BookingStatus.CANCELLING);
                assertThat(onPrem.state(booking.appointmentId())).isEqualTo("CANCELLED");
                assertThat(onPrem.state(booking.holdId())).isEqualTo("CONFIRMED");
            }
            onPrem.fault(Side.SUPPLY_CHAIN, null);

            try (ConfigurableApplicationContext second = start(pg, database, onPrem)) {
                Bookings bookings = second.getBean(Bookings.class);
                Booking stored = bookings.byReference(booking.reference()).orElseThrow();
                assertThat(stored.status()).isEqualTo(BookingStatus.CANCELLING);
                assertThat(stored.step()).isEqualTo(SagaStep.RELEASE_PART);
                second.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().forEach(cb -> cb.reset());
                second.getBean(SagaRecoveryJob.class).recover();
                Booking after = bookings.byReference(booking.reference()).orElseThrow();
                assertThat(after.status()).isEqualTo(BookingStatus.CANCELLED);
                assertThat(onPrem.state(booking.holdId())).isEqualTo("RELEASED");
            }
        }
    }

    private static ConfigurableApplicationContext start(PostgresServer pg, String database, FakeGateway onPrem) {
        // command-line arguments win over application.yml
        return new SpringApplicationBuilder(BookingWebApplication.class, BusinessTime.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--glasslink.booking.gateway-url=" + onPrem.url(),
                "--glasslink.booking.recovery-delay=PT1H",
                "--glasslink.booking.stale-after=PT0S",
                "--glasslink.booking.read-timeout=PT2S",
                "--management.tracing.export.zipkin.enabled=false",
                "--glasslink.identity.secret=" + TestIdentity.secret());
    }
}
