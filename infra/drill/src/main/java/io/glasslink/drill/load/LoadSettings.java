package io.glasslink.drill.load;

import java.time.Duration;
import java.util.List;

/**
 * What the simulation runs against: set by the drill before it starts Gatling in the same JVM
 * (Gatling instantiates the simulation class itself, so it cannot take constructor arguments).
 */
public record LoadSettings(String gatewayUrl, double partnersPerSecond, double webCustomersPerSecond,
                           List<Vehicle> vehicles, List<String> postcodes, Duration maxDuration) {

    /** A vehicle with the windscreen the catalogue has for it. */
    public record Vehicle(String make, String model, int year, String windscreen) {
    }

    private static volatile LoadSettings current;

    public static void use(LoadSettings settings) {
        current = settings;
    }

    public static LoadSettings current() {
        if (current == null) {
            throw new IllegalStateException("the drill sets LoadSettings before it starts Gatling");
        }
        return current;
    }
}
