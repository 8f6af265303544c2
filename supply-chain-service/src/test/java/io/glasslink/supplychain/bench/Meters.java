package io.glasslink.supplychain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the service spends, read before and after a scenario: CPU time of this JVM, of the Tomcat
 * request threads ({@code http-nio-*}), of the PostgreSQL backend processes connected to the
 * benchmark database (Linux {@code /proc}; 0 elsewhere), and the SQL statements and commits
 * counted by {@link StatementCounter}.
 */
final class Meters {

    /** Linux clock ticks per second ({@code getconf CLK_TCK}), 100 on every mainstream kernel. */
    private static final long TICK_NANOS = 10_000_000L;

    private final StatementCounter counter;
    private final String database;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    Meters(StatementCounter counter, String database) {
        this.counter = counter;
        this.database = database;
    }

    /** Totals so far. */
    Reading read() {
        return new Reading(os.getProcessCpuTime(), tomcatCpu(), postgresCpu(), counter.statements.sum(),
                counter.commits.sum());
    }

    private long tomcatCpu() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private long postgresCpu() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return 0;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(this::backendCpu).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private long backendCpu(Path pid) {
        try {
            String cmdline = new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8);
            if (!cmdline.startsWith("postgres: ") || !cmdline.contains(" " + database + " ")) {
                return 0;
            }
            String stat = Files.readString(pid.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after "(comm) ": state is [0], utime is [11], stime is [12]
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended or is not ours
        }
    }

    /** Cumulative costs at one moment. */
    record Reading(long jvmCpuNanos, long tomcatCpuNanos, long postgresCpuNanos, long statements, long commits) {

        Reading minus(Reading earlier) {
            return new Reading(jvmCpuNanos - earlier.jvmCpuNanos, tomcatCpuNanos - earlier.tomcatCpuNanos,
                    postgresCpuNanos - earlier.postgresCpuNanos, statements - earlier.statements,
                    commits - earlier.commits);
        }
    }
}
