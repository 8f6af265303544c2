package io.glasslink.booking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Cloud booking site, partner API and booking saga. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BookingWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookingWebApplication.class, args);
    }
}
