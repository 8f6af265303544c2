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
                    .redirectOutput(logFile.toFile())
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

    /** Sends SIGTERM, waits up to {@code grace} (children included), then kills what is left. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before anyone acts on it
        }
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
