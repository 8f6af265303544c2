package io.glasslink.planning;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** On-premise technician planning: working plans, slot search, slot holds. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PlanningApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlanningApplication.class, args);
    }

    /** The clock every rule reads "now" from. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
