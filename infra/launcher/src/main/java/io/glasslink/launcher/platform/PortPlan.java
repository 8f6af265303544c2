package io.glasslink.launcher.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

import io.glasslink.launcher.process.Ports;

/**
 * Every port the local platform uses. Defaults follow ARCHITECTURE.md; each can be overridden
 * with an environment variable {@code GLASSLINK_PORT_<NAME>} (e.g. {@code GLASSLINK_PORT_GATEWAY}).
 */
public record PortPlan(int gateway, int bookingWeb, int supplyChain, int planning, int datahub,
                       int linkControl, int linkSupplyChain, int linkPlanning,
                       int kafka, int kafkaController, int postgres, int s3, int zipkin, int opsConsole) {

    /** The documented defaults, overridden from {@code env}; PostgreSQL moves to a free port if 5432 is taken. */
    public static PortPlan fromEnvironment(Map<String, String> env) {
        return new PortPlan(
                port(env, "GATEWAY", () -> 8080),
                port(env, "BOOKING_WEB", () -> 8081),
                port(env, "SUPPLY_CHAIN", () -> 8082),
                port(env, "PLANNING", () -> 8083),
                port(env, "DATAHUB", () -> 8084),
                port(env, "LINK_CONTROL", () -> 8474),
                port(env, "LINK_SUPPLY_CHAIN", () -> 18082),
                port(env, "LINK_PLANNING", () -> 18083),
                port(env, "KAFKA", () -> 9092),
                port(env, "KAFKA_CONTROLLER", () -> 9093),
                port(env, "POSTGRES", () -> Ports.isFree(5432) ? 5432 : Ports.findFree()),
                port(env, "S3", () -> 9000),
                port(env, "ZIPKIN", () -> 9411),
                port(env, "OPS_CONSOLE", () -> 8090));
    }

    /** Ports that were all free a moment ago, for a platform that must not meet a running one. */
    public static PortPlan allFree() {
        return new PortPlan(Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(),
                Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree(),
                Ports.findFree(), Ports.findFree(), Ports.findFree(), Ports.findFree());
    }

    /** Each port by its {@code GLASSLINK_PORT_<NAME>} name, lower case with dashes ({@code link-supply-chain}). */
    public Map<String, Integer> named() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("gateway", gateway);
        m.put("booking-web", bookingWeb);
        m.put("supply-chain", supplyChain);
        m.put("planning", planning);
        m.put("datahub", datahub);
        m.put("link-control", linkControl);
        m.put("link-supply-chain", linkSupplyChain);
        m.put("link-planning", linkPlanning);
        m.put("kafka", kafka);
        m.put("kafka-controller", kafkaController);
        m.put("postgres", postgres);
        m.put("s3", s3);
        m.put("zipkin", zipkin);
        m.put("ops-console", opsConsole);
        return m;
    }

    /** Each port with what it is for, in start order. */
    public Map<Integer, String> purposes() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(postgres, "PostgreSQL");
        m.put(s3, "S3 store");
        m.put(kafka, "Kafka");
        m.put(kafkaController, "Kafka controller");
        m.put(linkControl, "link simulator control API");
        m.put(linkSupplyChain, "link simulator, supply-chain path");
        m.put(linkPlanning, "link simulator, planning path");
        m.put(gateway, "gateway-service");
        m.put(bookingWeb, "booking-web-service");
        m.put(supplyChain, "supply-chain-service");
        m.put(planning, "planning-service");
        m.put(datahub, "datahub-service");
        m.put(zipkin, "Zipkin");
        m.put(opsConsole, "ops console");
        return m;
    }

    private static int port(Map<String, String> env, String name, IntSupplier fallback) {
        String value = env.get("GLASSLINK_PORT_" + name);
        if (value == null || value.isBlank()) {
            return fallback.getAsInt();
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GLASSLINK_PORT_" + name + " is not a port number: " + value);
        }
    }
}
