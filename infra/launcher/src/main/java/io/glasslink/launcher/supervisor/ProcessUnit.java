package io.glasslink.launcher.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.glasslink.launcher.process.ManagedProcess;

/** A {@link Supervised} child process started by a {@link ManagedProcess} factory. */
public final class ProcessUnit implements Supervised {

    private final String name;
    private final Supplier<ManagedProcess> starter;
    private final BooleanSupplier readiness;
    private final Path logFile;
    private volatile ManagedProcess current;

    public ProcessUnit(String name, Path logFile, Supplier<ManagedProcess> starter, BooleanSupplier readiness) {
        this.name = name;
        this.logFile = logFile;
        this.starter = starter;
        this.readiness = readiness;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        current = starter.get();
    }

    /** The process started last, or null before the first start. */
    public ManagedProcess process() {
        return current;
    }

    @Override
    public boolean isAlive() {
        ManagedProcess p = current;
        return p != null && p.isAlive();
    }

    @Override
    public OptionalLong pid() {
        ManagedProcess p = current;
        return p == null ? OptionalLong.empty() : OptionalLong.of(p.pid());
    }

    @Override
    public OptionalInt exitCode() {
        ManagedProcess p = current;
        return p == null || p.isAlive() ? OptionalInt.empty() : OptionalInt.of(p.exitValue());
    }

    @Override
    public ManagedProcess.Stopped stop(Duration grace) {
        ManagedProcess p = current;
        return p == null ? new ManagedProcess.Stopped(Duration.ZERO, false) : p.stop(grace);
    }

    @Override
    public void kill() {
        ManagedProcess p = current;
        if (p != null) {
            p.kill();
        }
    }

    @Override
    public boolean isReady() {
        return isAlive() && readiness.getAsBoolean();
    }

    @Override
    public Path logFile() {
        return logFile;
    }
}
