package io.glasslink.launcher.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.glasslink.launcher.control.ControlClient;
import io.glasslink.launcher.process.Java;

/**
 * The platform as ops run it: {@code target/launcher.jar} (what {@code ./glasslink} runs) as a
 * process of its own, on free ports, with its own home, so that a test can SIGKILL the launcher,
 * call {@code status}, {@code restart} and {@code stop} from "another terminal" and never meet a
 * platform already running on this machine.
 */
final class LaunchedPlatform {

    static final List<String> SERVICES = List.of("supply-chain-service", "planning-service", "datahub-service",
            "booking-web-service", "gateway-service");

    private final Path root;
    private final Path home;
    private final PortPlan ports;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<Process> launchers = new ArrayList<>();

    LaunchedPlatform(Path root, Path home, PortPlan ports) {
        this.root = root;
        this.home = home;
        this.ports = ports;
        env.put("GLASSLINK_HOME", home.toString());
        env.put("GLASSLINK_STARTUP_TIMEOUT", "900"); // the suite shares 2 cores with other builds
        ports.named().forEach((name, port) -> env.put("GLASSLINK_PORT_" + name.toUpperCase().replace('-', '_'),
                Integer.toString(port)));
    }

    /** A fresh home under this module's {@code target}, on free ports, for the service jars of the repository at {@code root}. */
    static LaunchedPlatform fresh(Path root, String name) throws IOException {
        Path home = Path.of("target").resolve(name).toAbsolutePath().normalize();
        deleteTree(home);
        Files.createDirectories(home);
        return new LaunchedPlatform(root, home, PortPlan.allFree());
    }

    Path home() {
        return home;
    }

    PortPlan ports() {
        return ports;
    }

    PlatformSettings settings() {
        return PlatformSettings.fromEnvironment(root, env);
    }

    RunState state() {
        return new RunState(settings());
    }

    /** Starts {@code launcher.jar up} in the background; its output goes to {@link #output(int)}. */
    Process up() throws IOException {
        int n = launchers.size() + 1;
        ProcessBuilder pb = new ProcessBuilder(command("up")).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(outputFile(n).toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        launchers.add(p);
        return p;
    }

    /** What the {@code n}-th launcher (1-based) printed so far. */
    String output(int n) throws IOException {
        Path f = outputFile(n);
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** Waits until the {@code n}-th launcher printed {@code text}; fails with its output if it ends or time is up. */
    void awaitOutput(int n, String text, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!output(n).contains(text)) {
            if (!launchers.get(n - 1).isAlive()) {
                throw new AssertionError("launcher " + n + " ended before printing '" + text + "':\n" + output(n));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("launcher " + n + " did not print '" + text + "' within " + patience.toSeconds()
                        + " s:\n" + output(n));
            }
            Thread.sleep(250);
        }
    }

    /** Runs a launcher command ({@code status}, {@code restart NAME}, {@code stop}) to its end. */
    Result run(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home.getParent(), "launcher-cli", ".out");
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("launcher " + String.join(" ", args) + " did not end within 5 minutes:\n" + Files.readString(out));
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Duration.ofNanos(System.nanoTime() - t0));
        Files.deleteIfExists(out);
        return r;
    }

    /** A finished launcher command. */
    record Result(int exitCode, String output, Duration took) {
    }

    /** The control API of the running launcher. */
    ControlClient control() {
        return new ControlClient(state().control().orElseThrow(() -> new AssertionError("no launcher control API is running")));
    }

    /** Pid recorded for a process (services, kafka, link-simulator, postgres) in the home's run folder. */
    Optional<Long> recordedPid(String name) {
        try {
            return Optional.of(Long.parseLong(Files.readString(settings().pidFile(name)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ends whatever is still running of this platform: the launchers, then the leftovers. */
    void destroy() {
        launchers.forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(90, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        });
        state().endLeftovers(System.out, Duration.ofSeconds(20));
    }

    /** Whether a pid runs (a zombie waiting for its parent does not count). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Java.executable(), "-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1",
                "-Dglasslink.root=" + root, "-jar", Path.of("target", "launcher.jar").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Path outputFile(int n) {
        return home.resolveSibling(home.getFileName() + "-launcher-" + n + ".out");
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
