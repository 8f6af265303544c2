package io.glasslink.planning.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark's two servers: this JVM (the service, plus the in-JVM clients, whose
 * own threads the benchmark subtracts; its JIT compiler threads shown apart, as they are warm-up
 * cost) and the embedded PostgreSQL (postmaster and its backends, read from /proc). Linux only;
 * elsewhere the JIT and PostgreSQL figures are unknown (-1).
 */
final class CpuMeter {

    /** CPU nanoseconds used so far by this JVM, by its JIT compiler threads (part of it) and by PostgreSQL. */
    record Snapshot(long jvmNanos, long jitNanos, long postgresNanos, long brokerNanos) {
    }

    /**
     * Threads of the embedded Kafka broker, which runs in this JVM beside the service (the service's
     * own producer and admin client threads are "kafka-producer-network-thread" and
     * "kafka-admin-client-thread": not matched).
     */
    private static final java.util.regex.Pattern BROKER_THREAD = java.util.regex.Pattern.compile(
            "data-plane-kafka.*|kafka-\\d+-raft.*|quorum-controller.*|broker-\\d+.*|controller-\\d+.*|ExpirationReaper.*"
                    + "|kafka-scheduler.*|group-coordinator.*|share-.*|TxnMarkerSender.*|transaction-.*|LogDirFailureHandler"
                    + "|kafka-log-cleaner.*|ReplicaFetcher.*|raft-.*|.*-event-handler|metrics-meter-tick-thread.*"
                    + "|executor-.*|AlterPartition.*|kafka-.*-thread-\\d+|.*PLAINTEXT.*|ReplicaAlterLogDirs.*");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

    private long postmaster = -1;

    /** Finds the postmaster as the parent of a backend of this benchmark's database. */
    void findPostgres(Integer backendPid) {
        long[] stat = backendPid == null ? null : stat(backendPid);
        postmaster = stat == null ? -1 : stat[0];
    }

    Snapshot snapshot() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Snapshot(jvm, jitNanos(), postgresNanos(), brokerNanos());
    }

    /** The JIT compiler threads of this JVM (Linux thread names "C1/C2 CompilerThread"), or -1 when unknown. */
    private static long jitNanos() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String comm = comm(task);
                if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                    long[] stat = stat(task.resolve("stat"));
                    ticks += stat == null ? 0 : stat[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** CPU of the embedded Kafka broker's live threads ({@link #BROKER_THREAD}). */
    static long brokerNanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && BROKER_THREAD.matcher(info.getThreadName()).matches()) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    static long currentThreadNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU of the JDK HTTP client's own threads (selector manager), which serve the benchmark's clients. */
    static long httpClientThreadsNanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HttpClient-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** The thread's name, or "" when it ended meanwhile. */
    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Postmaster (with its reaped children) plus its live children, or -1 when unknown. */
    private long postgresNanos() {
        if (postmaster < 0) {
            return -1;
        }
        long[] own = stat(postmaster);
        if (own == null) {
            return -1;
        }
        long ticks = own[1] + own[2];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == postmaster) {
                    ticks += child[1];
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** {parent pid, utime + stime, cutime + cstime} in clock ticks, or null. */
    private static long[] stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long[] stat(Path file) {
        try {
            String s = Files.readString(file);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }
}
