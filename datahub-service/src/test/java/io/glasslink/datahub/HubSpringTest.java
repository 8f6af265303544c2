package io.glasslink.datahub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import io.glasslink.testsupport.RealInfrastructure;
import io.glasslink.testsupport.RecordedSpans;
import io.glasslink.testsupport.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The one Spring test configuration of the module (so every test class shares one context): real Kafka and S3,
 * test routes, a {@link TestClock} at the suite's start instead of the machine's calendar, and the spans the hub ends
 * kept in {@link RecordedSpans}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@Import({HubSpringTest.Clocks.class, RecordedSpans.Recording.class})
@TestPropertySource(locations = "classpath:hub-test.properties")
public @interface HubSpringTest {

    /** The service's clock, replaced. */
    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {

        @Bean
        @Primary
        TestClock testClock() {
            return TestClock.atSuiteStart();
        }
    }
}
