package io.glasslink.booking.bookings;

import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.support.IntegrationTest;
import io.glasslink.link.paths.OutageMode;
import io.glasslink.link.paths.PathId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Cuts the real link (both paths) with the simulator, books, restores: no booking is lost. */
class LinkOutageTest extends IntegrationTest {

    @Autowired
    BookingService service;
    @Autowired
    SagaRecoveryJob recovery;
    @Autowired
    Bookings bookings;
    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void bookingsMadeWhileBothLinkPathsAreCutEndConfirmedOnceTheLinkIsRestored() {
        LINK.outage(PathId.DIRECT_CONNECT, OutageMode.REFUSE);
        LINK.outage(PathId.VPN, OutageMode.REFUSE);
        LINK.resetConnections(PathId.DIRECT_CONNECT);
        LINK.resetConnections(PathId.VPN);
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Booking b = service.book(BookingSagaTest.replacement());
            assertThat(b.status()).isEqualTo(BookingStatus.PENDING);
            refs.add(b.reference());
        }
        assertThat(GATEWAY.calls()).isEmpty();

        LINK.restore();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (LINK.activePath() != PathId.DIRECT_CONNECT && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        breakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
        recovery.recover();
        assertThat(refs).allSatisfy(r -> assertThat(bookings.byReference(r).orElseThrow().status())
                .isEqualTo(BookingStatus.CONFIRMED));
    }
}
