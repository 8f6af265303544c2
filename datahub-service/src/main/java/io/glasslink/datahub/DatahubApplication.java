package io.glasslink.datahub;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Kafka Data Hub: CloudEvents validation, dead letters, fan-out and the S3 data lake. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DatahubApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatahubApplication.class, args);
    }

    /** Business time (docs/contracts.md, "Time"): the hub reads "now" only from this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
