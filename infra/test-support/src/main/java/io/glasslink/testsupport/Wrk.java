package io.glasslink.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * For benchmarks: drives a scenario with {@code wrk} (a C load generator, {@code apt-get install wrk}) instead of
 * the JDK's HTTP client, so that the client's own CPU is not spent in the measured JVM and takes
 * a fraction of what a Java client would from the shared cores. Requests come from a Lua script
 * written per scenario; every wrk thread numbers its own requests, so hold references are unique.
 */
public final class Wrk {

    /** What wrk printed: requests, throughput, p50/p99 (ms), non-2xx/3xx responses and socket errors. */
    public record Result(long requests, double perSecond, double p50, double p99, double max, long non2xx, String socketErrors) {
    }

    private static final Path BINARY = Path.of("/usr/bin/wrk");

    private Wrk() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** A Lua array literal of {@code values}. */
    public static String luaList(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * Runs wrk against {@code baseUrl} for {@code seconds} with {@code connections} connections
     * on 2 threads; {@code requestFunction} is the body of a Lua {@code request = function() ... end}
     * that may use {@code n} (this thread's request number), {@code id} (the thread number) and the
     * globals declared in {@code prelude}.
     */
    public static Result run(String baseUrl, int connections, int seconds, String prelude, String requestFunction)
            throws IOException, InterruptedException {
        Path script = Files.createTempFile("glasslink-bench-", ".lua");
        try {
            Files.writeString(script, prelude + """

                    local threads = 0
                    function setup(thread)
                      threads = threads + 1
                      thread:set("id", threads)
                    end
                    n = 0
                    math.randomseed(os.time())
                    request = function()
                      n = n + 1
                    """ + requestFunction + "\nend\n", StandardCharsets.UTF_8);
            Process wrk = new ProcessBuilder(BINARY.toString(), "-t2", "-c" + connections, "-d" + seconds + "s",
                    "--latency", "-s", script.toString(), baseUrl).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (wrk.waitFor() != 0) {
                throw new IllegalStateException("wrk failed:\n" + out);
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    public static Result parse(String out) {
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        double perSecond = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        String non2xx = findOrNull(out, "Non-2xx or 3xx responses: (\\d+)");
        String errors = findOrNull(out, "Socket errors: ([^\\n]+)");
        return new Result(requests, perSecond, millis(find(out, "\\s50%\\s+(\\S+)")), millis(find(out, "\\s99%\\s+(\\S+)")),
                millis(find(out, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)")), non2xx == null ? 0 : Long.parseLong(non2xx),
                errors == null ? "none" : errors.trim());
    }

    private static double millis(String value) {
        Matcher m = Pattern.compile("([\\d.]+)([a-z]+)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a wrk duration: " + value);
        }
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> n / 1000;
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> throw new IllegalArgumentException("unit of " + value);
        };
    }

    private static String find(String out, String regex) {
        String found = findOrNull(out, regex);
        if (found == null) {
            throw new IllegalStateException("no '" + regex + "' in wrk's output:\n" + out);
        }
        return found;
    }

    private static String findOrNull(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? m.group(1) : null;
    }
}
