package io.glasslink.launcher.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a running platform leaves under {@code <home>/run}: the launcher's pid, one pid file per
 * process, the endpoints to probe, the ports for tools and the launcher's control address.
 * {@code stop}, {@code status} and {@code restart} read it from another terminal. A process counts as
 * this platform's only if its command line names this platform's home (every JVM the launcher starts
 * carries {@code -Dglasslink.home=<home>}, PostgreSQL its data directory), so a recycled pid or
 * another platform's process is never touched.
 */
public final class RunState {

    static final String ENDPOINTS = "endpoints.properties";
    static final String PLATFORM = "platform.properties";
    static final String CONTROL = "control.properties";
    private static final String LAUNCHER = "launcher";

    private final PlatformSettings settings;

    public RunState(PlatformSettings settings) {
        this.settings = settings;
    }

    /** The argument every JVM of the platform at {@code home} carries on its command line. */
    public static String homeMarker(Path home) {
        return "-Dglasslink.home=" + home.toAbsolutePath().normalize();
    }

    /** Records this JVM as the launcher of the platform. */
    public void recordLauncher() throws IOException {
        Files.createDirectories(settings.run());
        Files.writeString(settings.pidFile(LAUNCHER), Long.toString(ProcessHandle.current().pid()));
    }

    /** The launcher JVM of a running platform, if there is one. */
    public Optional<ProcessHandle> launcher() {
        return readPid(settings.pidFile(LAUNCHER)).flatMap(pid -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> {
                    String cmd = String.join(" ", commandLine(h.pid()));
                    return cmd.contains(settings.root().toString()) || cmd.contains(settings.home().toString());
                }));
    }

    /** Forgets the launcher pid and its control address (at the end of a clean stop). */
    public void clearLauncher() {
        deleteQuietly(settings.pidFile(LAUNCHER));
        deleteQuietly(settings.run().resolve(CONTROL));
    }

    /** Where the running launcher takes control requests, readable by this user only. */
    public void recordControl(int port, String token) throws IOException {
        Files.createDirectories(settings.run());
        Path file = settings.run().resolve(CONTROL);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "port=" + port + "\ntoken=" + token + "\n");
    }

    /** The running launcher's control address. */
    public record Control(int port, String token) {
    }

    /** The control address of the running launcher, if it is running and has one. */
    public Optional<Control> control() {
        if (launcher().isEmpty()) {
            return Optional.empty();
        }
        Properties p = load(settings.run().resolve(CONTROL));
        try {
            return Optional.of(new Control(Integer.parseInt(p.getProperty("port", "")), p.getProperty("token", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A process of this platform that runs without a launcher. */
    public record Leftover(String name, ProcessHandle process) {
    }

    /**
     * Processes of this platform that run, whichever launcher started them: every process whose
     * command line carries this home's marker, the PostgreSQL server of this home's data directory
     * and what the pid files name. Services come first, PostgreSQL last (the order to end them in).
     */
    public List<Leftover> leftovers() {
        Map<Long, Leftover> found = new LinkedHashMap<>();
        String marker = homeMarker(settings.home());
        String pgData = settings.data().resolve("postgres").toString();
        long self = ProcessHandle.current().pid();
        for (long pid : allPids()) {
            if (pid == self) {
                continue;
            }
            List<String> cmd = commandLine(pid);
            if (cmd.contains(marker) || isPostmasterOf(cmd, pgData)) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> found.put(pid, new Leftover(nameOf(cmd), h)));
            }
        }
        for (Path pidFile : pidFiles()) {
            readPid(pidFile).filter(pid -> pid != self && !found.containsKey(pid)).flatMap(this::ours)
                    .ifPresent(h -> found.put(h.pid(), new Leftover(name(pidFile), h)));
        }
        List<Leftover> ordered = new ArrayList<>();
        found.values().stream().filter(l -> l.name().endsWith("-service")).forEach(ordered::add);
        found.values().stream().filter(l -> !l.name().endsWith("-service") && !l.name().equals("postgres")).forEach(ordered::add);
        found.values().stream().filter(l -> l.name().equals("postgres")).forEach(ordered::add);
        return ordered;
    }

    /**
     * Ends what a killed launcher left: SIGTERM to the services, the link simulator and Kafka at once,
     * SIGKILL to any still running after {@code grace}; then PostgreSQL (fast shutdown, then SIGKILL).
     * Removes the pid files. Returns what it ended.
     */
    public List<Leftover> endLeftovers(PrintStream out, Duration grace) {
        List<Leftover> left = leftovers();
        List<Leftover> first = left.stream().filter(l -> !l.name().equals("postgres")).toList();
        List<Leftover> last = left.stream().filter(l -> l.name().equals("postgres")).toList();
        end(first, out, grace, false);
        end(last, out, grace, true);
        pidFiles().forEach(RunState::deleteQuietly);
        deleteQuietly(settings.run().resolve(ENDPOINTS));
        deleteQuietly(settings.run().resolve(PLATFORM));
        return left;
    }

    private static void end(List<Leftover> group, PrintStream out, Duration grace, boolean postgres) {
        for (Leftover l : group) {
            out.println("  ending leftover " + l.name() + " (pid " + l.process().pid() + ")");
            if (postgres) {
                signal(l.process().pid(), "INT"); // PostgreSQL's fast shutdown: SIGTERM would wait for every session
            } else {
                l.process().destroy();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Leftover l : group) {
            try {
                l.process().onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                out.println("  " + l.name() + " (pid " + l.process().pid() + ") did not stop within "
                        + grace.toSeconds() + " s: killed (SIGKILL)");
                l.process().descendants().forEach(ProcessHandle::destroyForcibly);
                l.process().destroyForcibly();
            }
        }
        for (Leftover l : group) {
            try {
                l.process().onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("  " + l.name() + " (pid " + l.process().pid() + ") is still running after SIGKILL");
            }
        }
    }

    /**
     * Stops a running platform: asks its launcher to stop (SIGTERM, which runs the same shutdown
     * as Ctrl-C), then ends any process of this platform a killed launcher may have left behind.
     * Returns false when nothing was running.
     */
    public boolean stop(PrintStream out, Duration timeout) {
        boolean found = false;
        Optional<ProcessHandle> launcher = launcher();
        if (launcher.isPresent()) {
            found = true;
            out.println("stopping glasslink (launcher pid " + launcher.get().pid() + ") ...");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                out.println("the launcher did not stop within " + timeout.toSeconds() + " s; ending its processes directly");
                launcher.get().destroyForcibly();
            }
        }
        found |= !endLeftovers(out, Platform.STOP_GRACE).isEmpty();
        clearLauncher();
        return found;
    }

    /** Prints each recorded process (alive or not) and whether each service answers ready. */
    /** The running platform's URLs worth a click (Zipkin, the ops console), from {@code platform.properties}. */
    public void printUrls(PrintStream out) {
        Properties platform = load(settings.run().resolve(PLATFORM));
        if (platform.getProperty("zipkin.url") != null) {
            out.printf("  %-22s %s%n", "traces (Zipkin)", platform.getProperty("zipkin.url") + "/zipkin/");
        }
        if (platform.getProperty("ops-console.url") != null) {
            out.printf("  %-22s %s%n", "ops console", platform.getProperty("ops-console.url") + "/   user " + Platform.opsUsername());
        }
    }

    public void printStatus(PrintStream out) {
        Optional<ProcessHandle> launcher = launcher();
        out.println(launcher.map(h -> "glasslink is running (launcher pid " + h.pid() + ")")
                .orElse("glasslink is not running"));
        for (Path pidFile : pidFiles()) {
            String pid = readPid(pidFile).map(String::valueOf).orElse("?");
            out.printf("  %-22s pid %-8s %s%n", name(pidFile), pid,
                    readPid(pidFile).flatMap(this::ours).isPresent() ? "running" : "not running");
        }
        Properties endpoints = load(settings.run().resolve(ENDPOINTS));
        if (launcher.isPresent()) {
            endpoints.stringPropertyNames().stream().sorted().forEach(name -> out.printf("  %-22s %-32s %s%n", name,
                    endpoints.getProperty(name), HealthProbe.isReady(endpoints.getProperty(name)) ? "READY" : "NOT READY"));
        }
    }

    /** The ports and credentials a running platform wrote for tools. */
    public Properties platform() {
        return load(settings.run().resolve(PLATFORM));
    }

    private List<Path> pidFiles() {
        if (!Files.isDirectory(settings.run())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.run())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pid"))
                    .filter(p -> !name(p).equals(LAUNCHER))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Optional<ProcessHandle> ours(long pid) {
        String marker = homeMarker(settings.home());
        String inHome = settings.home() + "/";
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> commandLine(pid).stream()
                .anyMatch(arg -> arg.equals(marker) || arg.startsWith(inHome) || arg.contains("=" + inHome)));
    }

    private static boolean isPostmasterOf(List<String> cmd, String dataDir) {
        int d = cmd.indexOf("-D");
        return d >= 0 && d + 1 < cmd.size() && cmd.get(d + 1).equals(dataDir) && !cmd.isEmpty()
                && cmd.get(0).endsWith("/postgres");
    }

    private static String nameOf(List<String> cmd) {
        if (!cmd.isEmpty() && cmd.get(0).endsWith("/postgres")) {
            return "postgres";
        }
        if (cmd.contains("kafka.Kafka")) {
            return "kafka";
        }
        int jar = cmd.indexOf("-jar");
        if (jar >= 0 && jar + 1 < cmd.size()) {
            String file = Path.of(cmd.get(jar + 1)).getFileName().toString().replaceFirst("\\.jar$", "");
            return file.equals("link-simulator-exec") ? Platform.LINK_SIMULATOR : file;
        }
        return cmd.isEmpty() ? "?" : Path.of(cmd.get(0)).getFileName().toString();
    }

    private static List<Long> allPids() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            return ProcessHandle.allProcesses().map(ProcessHandle::pid).toList();
        }
    }

    /** The arguments of a process; /proc/<pid>/cmdline is complete even where ProcessHandle.Info is truncated. */
    static List<String> commandLine(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).map(c -> List.of(c.split(" "))).orElse(List.of());
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                // an unreadable file is as good as none
            }
        }
        return p;
    }

    private static String name(Path pidFile) {
        String f = pidFile.getFileName().toString();
        return f.substring(0, f.length() - ".pid".length());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // harmless
        }
    }
}
