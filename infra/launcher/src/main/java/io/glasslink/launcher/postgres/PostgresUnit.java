package io.glasslink.launcher.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.glasslink.launcher.process.ManagedProcess;
import io.glasslink.launcher.process.Ports;
import io.glasslink.launcher.supervisor.Supervised;

/**
 * PostgreSQL as a {@link Supervised} process. The postmaster is not the launcher's child (pg_ctl
 * starts it), so its exit code is unknown; it is found by the pid in {@code postmaster.pid}.
 */
public final class PostgresUnit implements Supervised {

    private final Supplier<LocalPostgres> starter;
    private final int port;
    private final Path logFile;
    private volatile LocalPostgres current;
    private volatile long pid;

    public PostgresUnit(int port, Path logFile, Supplier<LocalPostgres> starter) {
        this.port = port;
        this.logFile = logFile;
        this.starter = starter;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void start() {
        LocalPostgres previous = current;
        if (previous != null) {
            // a crashed server's handle still holds the data directory's lock: let it go first
            try {
                previous.close();
            } catch (RuntimeException alreadyGone) {
                // pg_ctl stop fails on a server that is not there; the lock is released all the same
            }
        }
        LocalPostgres started = starter.get();
        current = started;
        pid = started.pid().orElse(0);
    }

    /** The running server's handle, or null before the first start. */
    public LocalPostgres server() {
        return current;
    }

    @Override
    public boolean isAlive() {
        return handle().map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public OptionalLong pid() {
        return pid == 0 ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    @Override
    public OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    @Override
    public ManagedProcess.Stopped stop(Duration grace) {
        long t0 = System.nanoTime();
        LocalPostgres server = current;
        boolean killed = false;
        if (server != null) {
            try {
                server.close(); // pg_ctl stop -m fast: ends the sessions, then the server
            } catch (RuntimeException e) {
                // checked below: whatever still runs is killed
            }
        }
        Optional<ProcessHandle> left = handle().filter(ProcessHandle::isAlive);
        if (left.isPresent()) {
            long remaining = grace.toNanos() - (System.nanoTime() - t0);
            try {
                left.get().onExit().get(Math.max(0, remaining), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                killed = true;
                left.get().destroyForcibly();
            }
        }
        return new ManagedProcess.Stopped(Duration.ofNanos(System.nanoTime() - t0), killed);
    }

    @Override
    public void kill() {
        handle().ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public boolean isReady() {
        return isAlive() && Ports.isListening(port);
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    private Optional<ProcessHandle> handle() {
        return pid == 0 ? Optional.empty() : ProcessHandle.of(pid);
    }
}
