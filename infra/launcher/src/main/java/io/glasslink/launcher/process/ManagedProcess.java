package io.glasslink.launcher.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by the launcher: its output goes to one log file, its pid to one pid
 * file, and {@link #stop(Duration)} ends it gently (SIGTERM) before forcing it.
 */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts {@code command} with {@code env} added to the launcher's environment. */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env,
                                       Path workDir, Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    // appended: a restarted process must not wipe what its crashed predecessor wrote
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            Files.writeString(pidFile, Long.toString(p.pid()));
            return new ManagedProcess(name, p, logFile, pidFile);
        } catch (IOException e) {
            throw new LaunchException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Exit code of a process that has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** When the process ended (completes at once for an ended one). */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** How a stop went: how long the process took to end and whether it had to be killed. */
    public record Stopped(Duration took, boolean killed) {
    }

    /**
     * Sends SIGTERM, waits up to {@code grace} for the process (children included), then kills what
     * is left with SIGKILL.
     */
    public Stopped stop(Duration grace) {
        long t0 = System.nanoTime();
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        boolean killed = false;
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = true;
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed = true;
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deletePidFile();
        return new Stopped(Duration.ofNanos(System.nanoTime() - t0), killed);
    }

    /** SIGKILL to the process and its children, as a crash would end them; the pid file stays. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Forgets the pid file of an ended process. */
    public void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before anyone acts on it
        }
    }

    /** Words for an exit code: the JVM reports a death by signal N as 128 + N. */
    public static String describeExit(int code) {
        return switch (code) {
            case 0 -> "exited normally (code 0)";
            case 128 + 9 -> "was killed (SIGKILL, code 137)";
            case 128 + 15 -> "ended on SIGTERM (code 143)";
            case 128 + 2 -> "ended on SIGINT (code 130)";
            case 128 + 6 -> "aborted (SIGABRT, code 134)";
            default -> "exited with code " + code;
        };
    }

    /** The last {@code lines} lines of the log, for explaining a failure. */
    public String tail(int lines) {
        return tail(logFile, lines);
    }

    /** The last {@code lines} lines of {@code file} (reads at most the last 64 KiB). */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - 65536);
            byte[] buf = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\n");
            int start = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
