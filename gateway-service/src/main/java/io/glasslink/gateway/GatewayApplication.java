package io.glasslink.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Edge and hybrid gateway: partner security, routes, resilience, on-prem trust tokens. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /** Business time (identity-token and partner-token lifetimes): the one clock, replaced by a TestClock in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
