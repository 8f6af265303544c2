package io.glasslink.supplychain;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** On-premise supply chain: parts, stock, lead times, part holds. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SupplyChainApplication {

    public static void main(String[] args) {
        SpringApplication.run(SupplyChainApplication.class, args);
    }

    /**
     * Business time: every "now" of the service (lead times, cut-offs, hold expiry, event times,
     * identity-token lifetimes) reads this clock, so tests can pin it to any date.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
