package io.glasslink.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Resident memory of process trees, from {@code /proc/<pid>/status} (Linux only). */
public final class Memory {

    private Memory() {
    }

    /** Resident memory of a set of process trees: RSS sum (counts shared pages once per process) and PSS sum (fair share). */
    public record Usage(int processes, long rssKiB, long pssKiB) {
    }

    /** VmRSS and Pss summed over the given processes and all their descendants. */
    public static Usage of(Collection<Long> roots) {
        Set<Long> all = withDescendants(roots);
        return new Usage(all.size(), all.stream().mapToLong(Memory::vmRssKiB).sum(),
                all.stream().mapToLong(Memory::pssKiB).sum());
    }

    private static Set<Long> withDescendants(Collection<Long> roots) {
        Map<Long, List<Long>> children = childrenByParent();
        Set<Long> all = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (all.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return all;
    }

    /** Proportional set size of one process in KiB (shared pages split among their users), 0 when unknown. */
    public static long pssKiB(long pid) {
        return kiB(pid, "smaps_rollup", "Pss:");
    }

    /** VmRSS of one process in KiB, 0 when it is gone. */
    public static long vmRssKiB(long pid) {
        return kiB(pid, "status", "VmRSS:");
    }

    private static long kiB(long pid, String file, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, older kernel, or not Linux
        }
        return 0;
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> map = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // "pid (comm) state ppid ..." — comm may contain spaces, so parse after ')'
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ppid = Long.parseLong(f[1]);
                    map.computeIfAbsent(ppid, k -> new java.util.ArrayList<>())
                            .add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // process ended while we looked
                }
            });
        } catch (IOException e) {
            // not Linux: no figures
        }
        return map;
    }
}
