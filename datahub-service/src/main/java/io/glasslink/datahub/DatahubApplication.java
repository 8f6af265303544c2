package io.glasslink.datahub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kafka Data Hub: CloudEvents validation, dead letters, fan-out and the S3 data lake. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DatahubApplication {

    public static void main(String[] args) {
        SpringApplication.run(DatahubApplication.class, args);
    }
}
