package io.glasslink.launcher.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the platform lives and how it runs: repository root (for the jars), home folder (data,
 * logs, pid files), ports, start-up timeout, JVM options of the child processes and how many
 * restarts in a row a crashing process gets ({@code GLASSLINK_RESTART_LIMIT}, 0 = none).
 */
public record PlatformSettings(Path root, Path home, PortPlan ports, Duration startupTimeout,
                               List<String> serviceJvmOptions, List<String> kafkaJvmOptions, int restartLimit) {

    /** Restarts in a row after which a crashing process is left down (like {@code restart: on-failure:5}). */
    public static final int DEFAULT_RESTART_LIMIT = 5;

    /** Settings with the default restart policy. */
    public PlatformSettings(Path root, Path home, PortPlan ports, Duration startupTimeout,
                            List<String> serviceJvmOptions, List<String> kafkaJvmOptions) {
        this(root, home, ports, startupTimeout, serviceJvmOptions, kafkaJvmOptions, DEFAULT_RESTART_LIMIT);
    }

    /**
     * JVM flags of one service. Measured with the five services running together: heap use after
     * start-up is well under 128 MiB, so a 256 MiB cap leaves room for load without letting five
     * JVMs grow to a quarter of the machine each. C1 only: start-up on 2 shared cores matters
     * more here than peak throughput.
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-Xss512k",
            "-XX:MaxMetaspaceSize=192m", "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    /** JVM flags of the Kafka broker. */
    public static final List<String> DEFAULT_KAFKA_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx320m", "-Xss512k",
            "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true", "-XX:+ExitOnOutOfMemoryError");

    /** Settings for the repository at {@code root}, overridable from the environment. */
    public static PlatformSettings fromEnvironment(Path root, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("GLASSLINK_HOME", root.resolve(".glasslink").toString()));
        long timeout = number(env, "GLASSLINK_STARTUP_TIMEOUT", 180);
        long restartLimit = number(env, "GLASSLINK_RESTART_LIMIT", DEFAULT_RESTART_LIMIT);
        return new PlatformSettings(root.toAbsolutePath().normalize(), home.toAbsolutePath().normalize(),
                PortPlan.fromEnvironment(env), Duration.ofSeconds(timeout),
                options(env.get("GLASSLINK_JVM_OPTS"), DEFAULT_SERVICE_JVM_OPTIONS),
                options(env.get("GLASSLINK_KAFKA_JVM_OPTS"), DEFAULT_KAFKA_JVM_OPTIONS), (int) restartLimit);
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return run().resolve(name + ".pid");
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be a whole number from 0: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: " + value);
        }
    }

    private static List<String> options(String value, List<String> fallback) {
        return value == null || value.isBlank() ? fallback : Arrays.asList(value.trim().split("\\s+"));
    }
}
