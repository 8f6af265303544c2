package io.glasslink.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.glasslink.testsupport.TestClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The business clock of the tests: it starts at the suite's instant ({@code -Dglasslink.test.clock}, default a
 * Wednesday morning) and ticks; every full-context test replaces the service's {@link Clock} bean with it, so no test
 * reads the machine's calendar for a business answer. A test that moves it puts it back where it was.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BusinessTime {

    /** The one clock of the test JVM: the services under test and the tests' own tokens and dates read it. */
    public static final TestClock CLOCK = TestClock.atSuiteStart();

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }

    /** Today in Paris by the test clock. */
    public static LocalDate today() {
        return LocalDate.ofInstant(CLOCK.instant(), PlanningTime.ZONE);
    }

    /** Now by the test clock. */
    public static Instant now() {
        return CLOCK.instant();
    }
}
