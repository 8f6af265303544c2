package io.glasslink.booking;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Cloud booking site, partner API and booking saga. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookingWebApplication.class, args);
    }

    /** Business time: every "now" of the service reads this clock, so tests can put the service on any date. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
