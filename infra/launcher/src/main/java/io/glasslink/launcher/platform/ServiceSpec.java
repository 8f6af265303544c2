package io.glasslink.launcher.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One Spring Boot service of the platform: its module folder (the jar is
 * {@code <module>/target/<module>.jar}), its port and, when it owns data, its database.
 */
public record ServiceSpec(String name, int port, Optional<String> database) {

    /** The five services in start order (those the others call come first). */
    public static List<ServiceSpec> all(PortPlan ports) {
        return List.of(
                new ServiceSpec("supply-chain-service", ports.supplyChain(), Optional.of("supplychain")),
                new ServiceSpec("planning-service", ports.planning(), Optional.of("planning")),
                new ServiceSpec("datahub-service", ports.datahub(), Optional.empty()),
                new ServiceSpec("booking-web-service", ports.bookingWeb(), Optional.of("booking")),
                new ServiceSpec("gateway-service", ports.gateway(), Optional.empty()));
    }

    /** The runnable jar of this service in the repository at {@code root}. */
    public Path jar(Path root) {
        return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
