package io.glasslink.gateway.support;

import java.time.Clock;

import io.glasslink.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the gateway's {@link Clock} with the suite's {@link TestClock}, so that no test reads the
 * machine's calendar: token lifetimes are judged on the suite's date ({@code -Dglasslink.test.clock}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** The one business clock of the test JVM: the gateways under test and the downstream doubles read it. */
    public static final TestClock CLOCK = TestClock.atSuiteStart();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
