package io.glasslink.supplychain.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark yardstick, registered only when the load driver sets {@code glasslink.bench.floor}:
 * a constant small JSON answer through the service's own stack (Tomcat, its filters, the Spring
 * Security chain, Spring MVC, Jackson, the {@code http.server.requests} observation) and no
 * database. Under {@code /api/**} a request needs the identity token like availability does;
 * outside it the chain runs for an anonymous request (no token decoded).
 */
@RestController
@ConditionalOnBooleanProperty("glasslink.bench.floor")
class FloorController {

    private static final Floor FLOOR = new Floor("supply-chain-service", "Europe/Paris", 1);

    @GetMapping("/api/v1/bench/floor")
    Floor withIdentity() {
        return FLOOR;
    }

    @GetMapping("/bench/floor")
    Floor anonymous() {
        return FLOOR;
    }

    /** The constant answer. */
    record Floor(String service, String zone, int version) {
    }
}
