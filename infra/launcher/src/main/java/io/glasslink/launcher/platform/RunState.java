package io.glasslink.launcher.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.glasslink.launcher.postgres.LocalPostgres;

/**
 * What a running platform leaves under {@code .glasslink/run}: the launcher's pid, one pid file per
 * process and the endpoints to probe. {@code stop} and {@code status} read it from another
 * terminal; a pid counts only if that process's command line still names this platform, so a
 * recycled pid is never touched.
 */
public final class RunState {

    static final String ENDPOINTS = "endpoints.properties";
    private static final String LAUNCHER = "launcher";

    private final PlatformSettings settings;

    public RunState(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Records this JVM as the launcher of the platform. */
    public void recordLauncher() throws IOException {
        Files.createDirectories(settings.run());
        Files.writeString(settings.pidFile(LAUNCHER), Long.toString(ProcessHandle.current().pid()));
    }

    /** The launcher JVM of a running platform, if there is one. */
    public Optional<ProcessHandle> launcher() {
        return process(settings.pidFile(LAUNCHER));
    }

    /** Forgets the launcher pid (at the end of a clean stop). */
    public void clearLauncher() {
        try {
            Files.deleteIfExists(settings.pidFile(LAUNCHER));
        } catch (IOException ignored) {
            // stale files are harmless: pids are checked against command lines
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
                launcher.get().onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                out.println("the launcher did not stop within " + timeout.toSeconds() + " s; ending its processes directly");
                launcher.get().destroyForcibly();
            }
        }
        for (Path pidFile : pidFiles()) {
            Optional<ProcessHandle> leftover = process(pidFile);
            if (leftover.isPresent()) {
                found = true;
                out.println("ending leftover " + name(pidFile) + " (pid " + leftover.get().pid() + ")");
                leftover.get().destroy();
                try {
                    leftover.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    leftover.get().destroyForcibly();
                }
            }
            deleteQuietly(pidFile);
        }
        // a postmaster whose launcher was killed -9 keeps running; its own pid file finds it
        LocalPostgres.postmasterPid(settings.data().resolve("postgres")).stream().boxed().findFirst().flatMap(this::ours).ifPresent(pg -> {
            out.println("ending leftover postgres (pid " + pg.pid() + ")");
            pg.destroy();
        });
        deleteQuietly(settings.run().resolve(ENDPOINTS));
        clearLauncher();
        return found;
    }

    /** Prints each recorded process (alive or not) and whether each service answers ready. */
    public void printStatus(PrintStream out) {
        Optional<ProcessHandle> launcher = launcher();
        out.println(launcher.map(h -> "glasslink is running (launcher pid " + h.pid() + ")")
                .orElse("glasslink is not running"));
        for (Path pidFile : pidFiles()) {
            String pid = read(pidFile).orElse("?");
            out.printf("  %-22s pid %-8s %s%n", name(pidFile), pid, process(pidFile).isPresent() ? "running" : "not running");
        }
        Properties endpoints = new Properties();
        Path file = settings.run().resolve(ENDPOINTS);
        if (launcher.isPresent() && Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                endpoints.load(r);
            } catch (IOException e) {
                return;
            }
            endpoints.stringPropertyNames().stream().sorted().forEach(name -> out.printf("  %-22s %-32s %s%n", name,
                    endpoints.getProperty(name), HealthProbe.isReady(endpoints.getProperty(name)) ? "READY" : "NOT READY"));
        }
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

    private Optional<ProcessHandle> process(Path pidFile) {
        return read(pidFile).flatMap(s -> {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).flatMap(this::ours);
    }

    private Optional<ProcessHandle> ours(long pid) {
        String root = settings.root().toString();
        String home = settings.home().toString();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> {
            String cmd = commandLine(h);
            return cmd.contains(root) || cmd.contains(home);
        });
    }

    private static String commandLine(ProcessHandle h) {
        // /proc/<pid>/cmdline is complete even where ProcessHandle.Info is truncated
        try {
            return Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            return h.info().commandLine().orElse("");
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
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
