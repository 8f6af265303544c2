package io.glasslink.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.glasslink.drill.invariants.Invariant;
import io.glasslink.drill.report.FaultResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CI form of {@code ./glasslink drill}: the platform started by the launcher's jar (as ops start
 * it, on free ports, its own home), Gatling's load through the gateway, and three faults — kill -9 of
 * booking-web in the middle of a saga, a Kafka broker kill -9 held down 10 s, a Direct Connect cut
 * of 10 s — after each of which every invariant must hold, all within 5 minutes.
 */
class DrillIT {

    private static final List<String> PORTS = List.of("GATEWAY", "BOOKING_WEB", "SUPPLY_CHAIN", "PLANNING", "DATAHUB", "LINK_CONTROL",
            "LINK_SUPPLY_CHAIN", "LINK_PLANNING", "KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "S3", "ZIPKIN", "OPS_CONSOLE");

    private static Path root;
    private static Path home;
    private static Map<String, String> env;
    private static Process launcher;

    @BeforeAll
    static void startThePlatform() throws Exception {
        root = Path.of(System.getProperty("glasslink.root", "../..")).toAbsolutePath().normalize();
        home = Path.of("target", "drill-platform").toAbsolutePath();
        deleteTree(home);
        Files.createDirectories(home);
        env = new LinkedHashMap<>();
        env.put("GLASSLINK_HOME", home.toString());
        env.put("GLASSLINK_STARTUP_TIMEOUT", "900");
        // the hub seals a lake file 5 s after opening it (30 s by default), so each check waits seconds, not half a minute
        env.put("LAKE_FLUSH_AFTER", "5s");
        for (String port : PORTS) {
            try (ServerSocket free = new ServerSocket(0)) {
                env.put("GLASSLINK_PORT_" + port, Integer.toString(free.getLocalPort()));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(launcherCommand("up")).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolveSibling("drill-platform-launcher.out").toFile());
        pb.environment().putAll(env);
        launcher = pb.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (!launcherOutput().contains("glasslink is up")) {
            assertThat(launcher.isAlive()).as("the launcher ended before the platform was up:\n" + launcherOutput()).isTrue();
            assertThat(System.nanoTime()).as("the platform did not come up within 15 min:\n" + launcherOutput()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        if (launcher == null) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder(launcherCommand("stop")).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        pb.start().waitFor(3, TimeUnit.MINUTES);
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void threeFaultsUnderLoadLoseNoBookingDoubleNoEventAndAnswerNoUnexpected5xx() {
        DrillOptions options = DrillOptions.parse(List.of("--plan", "ci", "--warmup", "15"), env);
        long t0 = System.nanoTime();

        Drill.Outcome outcome = new Drill(options, System.out).run();

        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("the CI drill took %d s (load, faults and checks, after the platform was up)%n", took.toSeconds());
        assertThat(outcome.faults()).extracting(FaultResult::fault).hasSize(3);
        assertThat(outcome.gatlingReport()).as("Gatling's HTML report").isNotNull().isRegularFile();
        assertThat(outcome.report()).isRegularFile();
        List<String> broken = new ArrayList<>();
        for (FaultResult r : outcome.faults()) {
            if (r.recoveredAt() == null) {
                broken.add(r.fault() + ": the platform did not answer again");
            }
            r.invariants().stream().filter(i -> !i.holds()).forEach(i -> broken.add(r.fault() + ": " + i.name() + ": " + i.detail()));
        }
        outcome.atTheEnd().stream().filter(i -> !i.holds()).forEach(i -> broken.add("at the end: " + i.name() + ": " + i.detail()));
        assertThat(broken).as("invariants broken (report: " + outcome.report() + ")").isEmpty();
        assertThat(outcome.atTheEnd()).extracting(Invariant::holds).containsOnly(true);
        assertThat(took).as("the CI drill's budget").isLessThanOrEqualTo(Duration.ofMinutes(5));
    }

    private static List<String> launcherCommand(String command) {
        Path jar = Path.of(System.getProperty("drill.launcherJar", "../launcher/target/launcher.jar")).toAbsolutePath().normalize();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xmx192m",
                "-XX:TieredStopAtLevel=1", "-Dglasslink.root=" + root, "-jar", jar.toString(), command);
    }

    private static String launcherOutput() throws IOException {
        Path out = home.resolveSibling("drill-platform-launcher.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
