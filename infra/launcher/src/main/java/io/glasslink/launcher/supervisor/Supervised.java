package io.glasslink.launcher.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.glasslink.launcher.process.ManagedProcess;

/**
 * One process of the platform that the {@link Supervisor} watches and can start again: a service
 * JVM, the link simulator, the Kafka broker or PostgreSQL. Each {@link #start()} runs a new process
 * with the same command, environment and data.
 */
public interface Supervised {

    /** The name ops use ({@code planning-service}, {@code kafka}, {@code postgres}, ...). */
    String name();

    /** Starts a new process; returns once it runs (not necessarily ready). */
    void start();

    /** Whether the current process runs. */
    boolean isAlive();

    /** Pid of the current process, if one was started. */
    OptionalLong pid();

    /** Exit code of the current process once it has ended, when the OS tells it. */
    OptionalInt exitCode();

    /** SIGTERM (or the server's own fast shutdown), at most {@code grace}, then SIGKILL. */
    ManagedProcess.Stopped stop(Duration grace);

    /** SIGKILL, as a crash would end it. */
    void kill();

    /** Whether it answers as ready (health endpoint, open port). */
    boolean isReady();

    /** Where its output goes. */
    Path logFile();
}
