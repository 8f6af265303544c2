package io.glasslink.booking.support;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.glasslink.booking.BookingWebApplication;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.LinkSimulatorSettings;
import io.glasslink.testsupport.RealInfrastructure;
import io.glasslink.testsupport.RecordedSpans;
import io.glasslink.testsupport.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the full-context tests: one Spring context for all of them (same configuration), real
 * PostgreSQL and Kafka, the on-prem side played by {@link FakeGateway} behind the real link simulator. The recovery job does not
 * run on its own here; tests call it. Business time is {@link #CLOCK}, back at the suite's start instant before each
 * test ({@code -Dglasslink.test.clock} moves it), which the service and the fake on-prem side both read.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        classes = {BookingWebApplication.class, IntegrationTest.BusinessTime.class, RecordedSpans.Recording.class}, properties = {
        "glasslink.test.database=booking",
        "glasslink.booking.recovery-delay=PT1H",
        "glasslink.booking.stale-after=PT0S",
        "glasslink.booking.read-timeout=PT2S"})
@RealInfrastructure
public abstract class IntegrationTest {

    /** The service's business clock in every integration test. */
    protected static final TestClock CLOCK = TestClock.atSuiteStart();
    protected static final FakeGateway GATEWAY = new FakeGateway(CLOCK);
    /** The real link simulator (TCP, 0 ms profile) between this service and the on-prem side, as in the platform. */
    protected static final LinkSimulator LINK = LinkSimulator.start(LinkSimulatorSettings.defaults()
            .withLink("onprem", 0, "127.0.0.1", java.net.URI.create(GATEWAY.url()).getPort()).withProfile("zero"));

    @LocalServerPort
    protected int port;

    @Autowired
    private CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void onPrem(DynamicPropertyRegistry registry) {
        registry.add("glasslink.booking.gateway-url", () -> "http://127.0.0.1:" + LINK.listenPort("onprem"));
        registry.add("glasslink.identity.secret", TestIdentity::secret);
    }

    @BeforeEach
    void healthyLink() {
        CLOCK.reset();
        LINK.restore();
        GATEWAY.reset();
        breakers.getAllCircuitBreakers().forEach(b -> b.reset());
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The service reads {@link #CLOCK} instead of the machine's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BusinessTime {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }
}
