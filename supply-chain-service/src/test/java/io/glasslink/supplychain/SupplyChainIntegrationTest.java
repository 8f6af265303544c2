package io.glasslink.supplychain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.glasslink.testsupport.RealInfrastructure;
import io.glasslink.testsupport.RecordedSpans;
import io.glasslink.testsupport.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The one shared full-context configuration of this module's integration tests: the service on a
 * random port against the real PostgreSQL and Kafka with the demo catalogue and stock, trusting
 * {@link TestIdentity}'s key, its
 * business clock a {@link TestClock} at the suite's start, the spans it ends kept by {@link RecordedSpans}.
 * Every test class using it shares one
 * Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "glasslink.test.database=supplychain",
        "glasslink.demo-data.enabled=true",
        "glasslink.supply.hold-expiry-interval=PT1H",
        "glasslink.events.resubmit-every=PT1H"})
@RealInfrastructure
@Import({SupplyChainIntegrationTest.Identity.class, SupplyChainIntegrationTest.BusinessTime.class, Faults.class,
        RecordedSpans.Recording.class})
public @interface SupplyChainIntegrationTest {

    /** Points the service at the test identity key. */
    @TestConfiguration(proxyBeanMethods = false)
    class Identity {
        @Bean
        DynamicPropertyRegistrar testIdentityKey() {
            return registry -> registry.add("glasslink.identity.secret", TestIdentity::secret);
        }
    }

    /** The service's business clock, pinned to the suite's start (tests that move it reset it). */
    @TestConfiguration(proxyBeanMethods = false)
    class BusinessTime {
        @Bean
        @Primary
        TestClock testClock() {
            return TestClock.atSuiteStart();
        }
    }
}
