package io.glasslink.opsconsole;

import de.codecentric.boot.admin.server.config.EnableAdminServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ops console: a Spring Boot Admin server that registers every glasslink service from a static list
 * ({@code spring.cloud.discovery.client.simple.instances}) and reads their actuators with the ops credentials.
 */
@SpringBootApplication
@EnableAdminServer
@ConfigurationPropertiesScan
public class OpsConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpsConsoleApplication.class, args);
    }
}
