package io.glasslink.link;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The standalone link simulator: the links, the control REST API and actuator on the control port. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LinkSimulatorApplication {

    /** Runs the simulator; see the module README for the environment variables. */
    public static void main(String[] args) {
        SpringApplication.run(LinkSimulatorApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    LinkSimulator linkSimulator(LinkProperties properties, Environment environment, MeterRegistry registry) {
        List<LinkTarget> links = new ArrayList<>();
        properties.links().forEach((name, endpoint) -> links.add(LinkTarget.of(name, endpoint.listenPort(),
                endpoint.upstream())));
        LinkProperties.Probe probe = properties.probe();
        return LinkSimulator.start(new LinkSimulatorSettings(properties.bindHost(), links, properties.profile(),
                LinkProfiles.bind(Binder.get(environment)), probe.interval(), probe.detectMultiplier(),
                probe.riseThreshold()), registry);
    }
}
