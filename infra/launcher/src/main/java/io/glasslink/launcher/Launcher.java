package io.glasslink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.glasslink.launcher.control.ControlServer;
import io.glasslink.launcher.platform.Platform;
import io.glasslink.launcher.platform.PlatformSettings;
import io.glasslink.launcher.platform.RunState;
import io.glasslink.launcher.platform.Summary;
import io.glasslink.launcher.process.LaunchException;

/**
 * {@code java -jar launcher.jar up [--clean] | stop | status | restart NAME}, run from the repository
 * root (or with {@code -Dglasslink.root=<dir>}). {@code up} stays in the foreground until Ctrl-C or
 * {@code stop}, restarts a process that crashes and takes {@code restart} requests on its control API.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // library logging (S3Proxy, Kafka client, zonky) goes to a file, not over the progress lines
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // the readiness poll expects refused connections while the broker starts
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Path root = Path.of(System.getProperty("glasslink.root", ".")).toAbsolutePath().normalize();
        PlatformSettings settings;
        try {
            settings = PlatformSettings.fromEnvironment(root, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("glasslink: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> a = List.of(args);
        String command = a.isEmpty() ? "help" : a.get(0);
        int code = switch (command) {
            case "up" -> up(settings, a.contains("--clean"), System.out);
            case "stop" -> new RunState(settings).stop(System.out, Duration.ofSeconds(90)) ? stopped() : notRunning();
            case "status" -> Operations.status(settings, System.out);
            case "restart" -> a.size() == 2 ? Operations.restart(settings, a.get(1), System.out) : usage(command);
            default -> usage(command);
        };
        System.exit(code);
    }

    private static int usage(String command) {
        System.out.println("usage: java -jar launcher.jar up [--clean] | stop | status | restart NAME");
        return "help".equals(command) ? 0 : 2;
    }

    private static int stopped() {
        System.out.println("glasslink stopped");
        return 0;
    }

    private static int notRunning() {
        System.out.println("glasslink is not running");
        return 0;
    }

    private static int up(PlatformSettings settings, boolean clean, PrintStream out) {
        RunState state = new RunState(settings);
        if (state.launcher().isPresent()) {
            System.err.println("glasslink is already running (launcher pid " + state.launcher().get().pid()
                    + "): ./glasslink status, or ./glasslink stop first");
            return 1;
        }
        List<RunState.Leftover> left = state.leftovers();
        if (!left.isEmpty()) {
            out.println("cleaning up after a platform whose launcher is gone (" + left.size() + " processes of "
                    + settings.home() + " still run):");
            state.endLeftovers(out, Platform.STOP_GRACE);
        }
        try {
            if (clean) {
                out.println("--clean: deleting " + settings.home());
                deleteTree(settings.home());
            }
            Files.createDirectories(settings.logs());
            System.setProperty("org.slf4j.simpleLogger.logFile", settings.logFile("launcher").toString());
            state.recordLauncher();
        } catch (IOException e) {
            System.err.println("glasslink: cannot prepare " + settings.home() + ": " + e.getMessage());
            return 1;
        }
        Platform platform = new Platform(settings, out);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<ControlServer> control = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            out.println();
            out.println("stopping glasslink ...");
            Optional.ofNullable(control.get()).ifPresent(ControlServer::close);
            platform.close();
            state.clearLauncher();
            out.println("glasslink stopped");
            stopped.countDown();
        }, "glasslink-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Platform.Started started = platform.start();
            try {
                control.set(ControlServer.start(platform.supervisor()));
                state.recordControl(control.get().port(), control.get().token());
            } catch (IOException e) {
                out.println("NOTICE: no control API (" + e.getMessage() + "): ./glasslink restart will not work;"
                        + " crashed processes are still restarted");
            }
            Summary.print(settings, started, Files.exists(settings.pidFile("link-simulator")), Files.exists(settings.pidFile("zipkin")),
                    Files.exists(settings.pidFile("ops-console")), out);
        } catch (LaunchException e) {
            // start() has already stopped what it started
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C or stop during start-up: the hook is already stopping everything
                awaitQuietly(stopped);
                return 1;
            }
            state.clearLauncher();
            System.err.println();
            System.err.println("glasslink did not start: " + e.getMessage());
            return 1;
        }
        awaitQuietly(stopped);
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
