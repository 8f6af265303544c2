package io.glasslink.launcher.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.glasslink.launcher.platform.Platform;
import io.glasslink.launcher.platform.PlatformSettings;
import io.glasslink.launcher.platform.PortPlan;
import io.glasslink.launcher.process.LaunchException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Availability search and booking confirmation through the real path — partner → gateway-service →
 * booking-web-service → gateway-service → link simulator → supply-chain-service and planning-service
 * (real PostgreSQL, Kafka) — with the link on the {@code dx} profile and on {@code zero}, side by side
 * in one run. The platform is started the way {@code PlatformSmokeIT} does (own free ports, a temporary
 * GLASSLINK_HOME), so it never meets a platform already running on the machine.
 *
 * <p>Per profile and round (profiles alternate, so JIT warm-up and machine noise fall on both):
 * the link's own round trip (a health GET through the link vs the same GET directly), a trivial
 * on-prem call through the gateway and the link, N sequential availability searches through the
 * partner API, and M bookings to CONFIRMED. Where a search's time goes comes from the gateway's access
 * log (the two on-prem calls booking-web makes, as the gateway saw them), the services'
 * {@code http.server.requests} metrics, booking-web's {@code http.client.requests} (the same calls as its client saw
 * them) and {@code booking.availability.search} (its search inside the controller), the CPU time each process spent
 * per search, and booking-web's CPU per search by kind of thread. Measuring starts once the JIT compilers are quiet.
 *
 * <p>Run from the repository root after {@code ./mvnw -B -q -o package -DskipTests}:
 * <pre>
 * PARTNER_INSURER_1_RATE_LIMIT=100000 ./mvnw -B -q -o -pl infra/launcher test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.glasslink.launcher.bench.BookingPathBenchmark
 * </pre>
 * System properties (all optional): {@code bench.warmup} searches before measuring (4,000: the steady state; on two
 * cores shared by eight processes C2 is still compiling the services' request paths after 2,000 searches — with 300
 * the first quiet-machine run measured p50 18.9 ms on dx, with 4,000 16.1 ms — see docs/benchmarks.md),
 * {@code bench.searches} per profile and round (200), {@code bench.bookings} per profile and round (30),
 * {@code bench.trivial} trivial calls per profile and round (200), {@code bench.rounds} (2),
 * {@code bench.jvmOptions} the services' JVM flags (default: the platform's with the full C1 + C2 JIT instead of its
 * C1-only {@code -XX:TieredStopAtLevel=1}), {@code bench.keep=true}
 * keeps the temporary home with the logs.
 */
public final class BookingPathBenchmark {

    private static final String PARTNER_KEY = "dev-partner-key-1";
    private static final String INTERNAL_KEY = "dev-booking-web-key";
    private static final List<String> PROFILES = List.of("dx", "zero");
    private static final String SEARCH = "/api/v1/availability/search";
    private static final String SC_BATCH = "/api/v1/availability/batch";
    private static final String PL_SEARCH = "/api/v1/slots/search";
    private static final String SC_BATCH_CLIENT = "/availability/batch";
    private static final String PL_SEARCH_CLIENT = "/slots/search";
    private static final String INSIDE = "booking-web's search inside its controller (booking.availability.search)";
    private static final String CLIENT_PREFIX = "booking-web's client (http.client.requests): ";
    private static final List<String> POSTCODES = List.of("75011", "69003", "13008", "33000", "59000", "31000", "44000", "67000");
    private static final Pattern ACCESS = Pattern.compile("\\b(GET|POST) (/\\S+) (\\d{3})\\b.*? (\\d+)us route=");
    private static final List<String> PROCESSES = List.of("gateway-service", "booking-web-service", "supply-chain-service",
            "planning-service", "link-simulator", "postgres", "kafka", "datahub-service");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final PlatformSettings settings;
    private final Map<String, Map<String, Latencies>> results = new LinkedHashMap<>();
    private final Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> bookingOutcomes = new LinkedHashMap<>();
    private String partNumber;
    private int postcodeIndex;
    private final List<JsonNode> slotPool = new ArrayList<>();
    private int rateLimited;
    private long bookingSeq;
    private int warmupErrors;

    private BookingPathBenchmark(PlatformSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Path root = root();
        Path home = Files.createTempDirectory("glasslink-bench-");
        String jvm = System.getProperty("bench.jvmOptions", "");
        // default: the platform's flags with the full JIT (C1 + C2) as in production; the platform's own
        // C1-only default trades peak speed for start-up time and memory on a laptop
        List<String> jvmOptions = jvm.isBlank()
                ? PlatformSettings.DEFAULT_SERVICE_JVM_OPTIONS.stream()
                        .filter(o -> !o.startsWith("-XX:TieredStopAtLevel") && !o.startsWith("-XX:ReservedCodeCacheSize")).toList()
                : Arrays.asList(jvm.trim().split("\\s+"));
        System.out.println("# booking path benchmark, " + Instant.now() + ", load average " + loadAverage()
                + ", commit " + commit(root) + ", home " + home);
        System.out.println("# service JVM options: " + String.join(" ", jvmOptions));
        int status = 1;
        // "all free" ports can be taken by another build before the platform binds them: try again on fresh ones
        for (int attempt = 1; attempt <= 3 && status != 0; attempt++) {
            PlatformSettings settings = new PlatformSettings(root, home.resolve("attempt-" + attempt), PortPlan.allFree(), Duration.ofSeconds(600),
                    jvmOptions, PlatformSettings.DEFAULT_KAFKA_JVM_OPTIONS);
            Platform platform = new Platform(settings, System.out);
            Thread hook = new Thread(platform::close, "bench-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            boolean started = false;
            try {
                platform.start();
                started = true;
                new BookingPathBenchmark(settings).run();
                status = 0;
            } catch (LaunchException e) {
                System.out.println("# platform did not start (attempt " + attempt + "): " + e.getMessage().lines().findFirst().orElse(""));
                if (started) {
                    e.printStackTrace();
                    break;
                }
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                break;
            } finally {
                platform.close();
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            deleteTree(home);
        } else {
            System.out.println("# logs kept in " + home);
        }
        System.exit(status);
    }

    private void run() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 4000);
        int searches = Integer.getInteger("bench.searches", 200);
        int bookings = Integer.getInteger("bench.bookings", 30);
        int trivial = Integer.getInteger("bench.trivial", 200);
        int rounds = Integer.getInteger("bench.rounds", 2);
        if (System.getenv("PARTNER_INSURER_1_RATE_LIMIT") == null) {
            System.out.println("# NOTE: PARTNER_INSURER_1_RATE_LIMIT not set: the gateway limits dev-partner-key-1 to 100 req/s;"
                    + " 429 answers are retried and counted, not timed");
        }
        partNumber = findPartNumber();
        progress("part " + partNumber + "; warm-up on dx: " + warmup + " searches, " + Math.max(10, bookings) + " bookings, "
                + trivial + " trivial calls");
        profile("dx");
        // cold JVMs on a busy machine can time out their first requests: tolerated here, never while measuring
        for (int i = 0; i < warmup; i++) {
            warm(() -> search(POSTCODES.get(0)));
        }
        for (int i = 0; i < Math.max(10, bookings); i++) {
            warm(this::book);
        }
        for (int i = 0; i < trivial; i++) {
            warm(this::direct);
            warm(this::throughLink);
            warm(this::throughGateway);
        }
        if (warmupErrors > 0) {
            progress(warmupErrors + " warm-up calls failed (cold start)");
        }
        waitForQuietJit();
        for (int round = 1; round <= rounds; round++) {
            for (String profile : PROFILES) {
                progress("round " + round + ", profile " + profile + ", load average " + loadAverage());
                profile(profile);
                measure(profile, searches, bookings, trivial);
            }
        }
        print();
    }

    /**
     * More searches until the JIT compilers of the Java services on the path are quiet: C2 compiles for a while after
     * a short warm-up, and its CPU would otherwise land in the first measured round (the dx one) only. Quiet: the
     * compiler threads of the five JVMs took less than 10 % of the batch's wall time, over a batch of 50 searches (at
     * most 40 batches). On two busy cores C2 keeps compiling for thousands of requests (methods called once per request
     * reach its thresholds late): the rounds alternate dx and zero so that what is left falls on both.
     */
    private void waitForQuietJit() throws Exception {
        List<String> javaServices = List.of("gateway-service", "booking-web-service", "supply-chain-service", "planning-service",
                "link-simulator");
        double lastJitMs = 0;
        double lastWallMs = 0;
        for (int batch = 1; batch <= 40; batch++) {
            Map<String, Long> before = compilerTicks(javaServices);
            long t0 = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                warm(() -> search(POSTCODES.get(0)));
            }
            double wallMs = (System.nanoTime() - t0) / 1e6;
            long ticks = 0;
            for (Map.Entry<String, Long> t : compilerTicks(javaServices).entrySet()) {
                ticks += t.getValue() - before.getOrDefault(t.getKey(), 0L); // a compiler thread may start or end
            }
            double jitMs = ticks * 10.0;
            lastJitMs = jitMs;
            lastWallMs = wallMs;
            if (jitMs < 0.10 * wallMs) {
                progress("JIT quiet after " + batch + " more batch(es) of 50 searches: compiler threads " + Math.round(jitMs)
                        + " ms of CPU in " + Math.round(wallMs) + " ms");
                return;
            }
        }
        progress("JIT still compiling after 2,000 more searches (compiler threads " + Math.round(lastJitMs) + " ms of CPU in the last "
                + Math.round(lastWallMs) + " ms): measuring anyway");
    }

    /** CPU ticks of the JIT compiler threads of these services, by service and thread id. */
    private Map<String, Long> compilerTicks(List<String> services) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : services) {
            threads(settings.pidFile(service)).forEach((tid, t) -> {
                if (t.name().contains("CompilerThre")) {
                    ticks.put(service + "/" + tid, t.ticks());
                }
            });
        }
        return ticks;
    }

    private void measure(String profile, int searches, int bookings, int trivial) throws Exception {
        Map<String, Latencies> r = results.computeIfAbsent(profile, p -> new LinkedHashMap<>());
        Latencies direct = new Latencies();
        Latencies link = new Latencies();
        Latencies gateway = new Latencies();
        for (int i = 0; i < trivial; i++) {
            direct.add(timed(this::direct));
            link.add(timed(this::throughLink));
            gateway.add(timed(this::throughGateway));
        }
        add(r, "health GET, direct", direct);
        add(r, "health GET, through the link", link);
        add(r, "on-prem GET /vehicles/makes, gateway + link", gateway);

        Snapshot before = snapshot();
        Latencies search = new Latencies();
        for (int i = 0; i < searches; i++) {
            search.add(timed(() -> search(POSTCODES.get(0))));
        }
        Snapshot after = snapshot();
        add(r, "availability search (partner API)", search);
        breakdowns.computeIfAbsent(profile, p -> new Breakdown()).add(before, after, searches, settings);

        Latencies book = new Latencies();
        Map<String, Integer> outcomes = bookingOutcomes.computeIfAbsent(profile, p -> new java.util.TreeMap<>());
        for (int i = 0; i < bookings; i++) {
            long t0 = System.nanoTime();
            String status = book();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (status.equals("CONFIRMED")) {
                book.add(ms);
            }
            outcomes.merge(status, 1, Integer::sum);
        }
        add(r, "booking to CONFIRMED (partner API)", book);
    }

    private static void add(Map<String, Latencies> results, String name, Latencies samples) {
        results.computeIfAbsent(name, n -> new Latencies()).addAll(samples);
    }

    // ---- the calls -------------------------------------------------------------------------

    private void direct() throws Exception {
        expect(get("http://localhost:" + settings.ports().supplyChain() + "/actuator/health/liveness", null), 200);
    }

    private void throughLink() throws Exception {
        expect(get("http://localhost:" + settings.ports().linkSupplyChain() + "/actuator/health/liveness", null), 200);
    }

    private void throughGateway() throws Exception {
        expect(get(gateway("/onprem/supply-chain/api/v1/vehicles/makes"), INTERNAL_KEY), 200);
    }

    private JsonNode search(String postcode) throws Exception {
        HttpResponse<String> r = partner("POST", SEARCH, null, "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,"
                + "\"partNumber\":\"" + partNumber + "\",\"postcode\":\"" + postcode + "\",\"mode\":\"CENTRE\"}");
        expect(r, 200);
        JsonNode answer = json.readTree(r.body());
        if (answer.path("provisional").asBoolean() || answer.path("slots").isEmpty()) {
            throw new IllegalStateException("search answered from the read model or without slots: " + r.body());
        }
        return answer;
    }

    /** One booking on the next free slot; answers its status (with the failure reason when it failed). */
    private String book() throws Exception {
        JsonNode slot = nextSlot();
        String key = "bench-" + ProcessHandle.current().pid() + "-" + (++bookingSeq);
        HttpResponse<String> r = partner("POST", "/api/v1/bookings", key, "{\"jobType\":\"WINDSCREEN_REPLACEMENT\","
                + "\"calibration\":false,\"partNumber\":\"" + partNumber + "\",\"centreId\":\"" + slot.path("centreId").asString()
                + "\",\"mode\":\"CENTRE\",\"start\":\"" + slot.path("start").asString() + "\","
                + "\"vehicle\":{\"make\":\"Renault\",\"model\":\"Clio\",\"year\":2021,\"plate\":\"AB-123-CD\"},"
                + "\"customer\":{\"name\":\"Bench Mark\",\"email\":\"bench@example.com\",\"phone\":\"+33 6 01 02 03 04\","
                + "\"consent\":true}}");
        expect(r, 201);
        JsonNode booking = json.readTree(r.body());
        String status = booking.path("status").asString();
        return status.equals("FAILED") ? status + " " + booking.path("failureReason").asString() : status;
    }

    private JsonNode nextSlot() throws Exception {
        if (slotPool.isEmpty()) {
            // spread bookings over several départements so that no centre's stock or planning runs dry
            JsonNode answer = search(POSTCODES.get(1 + postcodeIndex++ % (POSTCODES.size() - 1)));
            java.util.Set<String> taken = new java.util.HashSet<>();
            for (JsonNode s : answer.path("slots")) {
                // one slot per centre and start: the next booking never competes with this one's technician
                if (taken.add(s.path("centreId").asString() + s.path("start").asString().substring(0, 13))) {
                    slotPool.add(s);
                }
            }
        }
        return slotPool.remove(0);
    }

    private String findPartNumber() throws Exception {
        HttpResponse<String> parts = get(gateway("/onprem/supply-chain/api/v1/parts?make=Renault&model=Clio&year=2021&glassType=WINDSCREEN"),
                INTERNAL_KEY);
        expect(parts, 200);
        return json.readTree(parts.body()).get(0).path("partNumber").asString();
    }

    private void profile(String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(control("/profiles/" + name)))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(r, 200);
        Thread.sleep(1000);
    }

    /** Configured round trip of the active path: one-way latency to on-prem plus back, in ms. */
    private double configuredRttMs(String profile) throws Exception {
        profile(profile);
        JsonNode state = json.readTree(get(control("/state"), null).body());
        JsonNode path = state.path("paths").path(state.path("activePath").asString()).path("directions");
        return path.path("to-onprem").path("latencyMs").asDouble() + path.path("to-cloud").path("latencyMs").asDouble();
    }

    private HttpResponse<String> partner(String method, String path, String idempotencyKey, String body) throws Exception {
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway(path)))
                    .header("X-API-Key", PARTNER_KEY).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 429) {
                return r;
            }
            rateLimited++;
            Thread.sleep(1000);
        }
    }

    private HttpResponse<String> get(String url, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private String gateway(String path) {
        return "http://localhost:" + settings.ports().gateway() + path;
    }

    private String control(String path) {
        return "http://localhost:" + settings.ports().linkControl() + path;
    }

    private interface Call {
        void run() throws Exception;
    }

    private void warm(Call call) throws Exception {
        try {
            call.run();
        } catch (IllegalStateException | IOException e) {
            if (++warmupErrors > 50) {
                throw e;
            }
        }
    }

    private static double timed(Call call) throws Exception {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    // ---- where the time goes ---------------------------------------------------------------

    /** Counters read before and after a window of searches. */
    private record Snapshot(long gatewayLogOffset, Map<String, double[]> serverTimes, Map<String, Long> cpuNanos,
                            Map<String, ThreadCpu> bookingWebThreads) {
    }

    /** One thread's name (as the kernel keeps it: 15 characters) and its CPU time in clock ticks. */
    private record ThreadCpu(String name, long ticks) {
    }

    private Snapshot snapshot() throws Exception {
        Map<String, double[]> server = new LinkedHashMap<>();
        server.put("booking-web-service " + SEARCH, serverTime(settings.ports().bookingWeb(), SEARCH));
        server.put("supply-chain-service " + SC_BATCH, serverTime(settings.ports().supplyChain(), SC_BATCH));
        server.put("planning-service " + PL_SEARCH, serverTime(settings.ports().planning(), PL_SEARCH));
        // the same two calls as booking-web's own client saw them (RestClient observations: http.client.requests)
        server.put(CLIENT_PREFIX + "planning " + PL_SEARCH_CLIENT,
                timer(settings.ports().bookingWeb(), "http_client_requests_seconds", PL_SEARCH_CLIENT));
        server.put(CLIENT_PREFIX + "supply-chain " + SC_BATCH_CLIENT,
                timer(settings.ports().bookingWeb(), "http_client_requests_seconds", SC_BATCH_CLIENT));
        // the search inside booking-web's controller, without the HTTP framework around it
        server.put(INSIDE, timer(settings.ports().bookingWeb(), "booking_availability_search_seconds", null));
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            cpu.put(name, cpuNanos(settings.pidFile(name)));
        }
        long offset = Files.exists(settings.logFile("gateway-service")) ? Files.size(settings.logFile("gateway-service")) : 0;
        return new Snapshot(offset, server, cpu, threads(settings.pidFile("booking-web-service")));
    }

    /** {count, sum seconds} of {@code http.server.requests} for one URI, all outcomes together. */
    private double[] serverTime(int port, String uri) throws Exception {
        return timer(port, "http_server_requests_seconds", uri);
    }

    /** {count, sum seconds} of a Prometheus timer whose {@code uri} tag ends with {@code uri} (null: any), all outcomes together. */
    private double[] timer(int port, String metric, String uri) throws Exception {
        String text = get("http://localhost:" + port + "/actuator/prometheus", null).body();
        double count = 0;
        double sum = 0;
        for (String line : text.split("\n")) {
            if (uri != null && (!line.contains(uri + "\"") || !line.matches(".*\\buri=\"[^\"]*" + Pattern.quote(uri) + "\".*"))) {
                continue;
            }
            if (line.startsWith(metric + "_count{") || line.startsWith(metric + "_count ")) {
                count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith(metric + "_sum{") || line.startsWith(metric + "_sum ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return new double[] {count, sum};
    }

    /** CPU ticks of every live thread of the process in the pid file, by thread id ({@code /proc/<pid>/task}). */
    private static Map<String, ThreadCpu> threads(Path pidFile) {
        Map<String, ThreadCpu> threads = new LinkedHashMap<>();
        try {
            String pid = Files.readString(pidFile).trim();
            try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        int open = stat.indexOf('(');
                        int close = stat.lastIndexOf(')');
                        String[] f = stat.substring(close + 2).split(" ");
                        // after the name: state(0) ... utime(11) stime(12)
                        threads.put(task.getFileName().toString(), new ThreadCpu(stat.substring(open + 1, close),
                                Long.parseLong(f[11]) + Long.parseLong(f[12])));
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended while listing
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process is gone: no breakdown by thread
        }
        return threads;
    }

    /** A thread's kind: its name without numbers ({@code http-nio-41527-exec-3} and {@code GC Thread#1} alike). */
    private static String threadKind(String name) {
        String kind = name.replaceAll("[0-9]+", "").replaceAll("[-#_ ]+$", "");
        return kind.isEmpty() ? name : kind;
    }

    /** CPU time of the process in the pid file and of its children (PostgreSQL's backends). */
    private static long cpuNanos(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty()) {
                return 0;
            }
            long total = p.get().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            for (ProcessHandle child : p.get().descendants().toList()) {
                total += child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            }
            return total;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** The gateway's access-log lines for one path, written between two snapshots: latency in ms per line. */
    private static Map<String, Latencies> gatewayLog(Path log, long from, long to) throws IOException {
        Map<String, Latencies> byPath = new LinkedHashMap<>();
        if (to <= from) {
            return byPath;
        }
        byte[] bytes = new byte[(int) (to - from)];
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            f.seek(from);
            f.readFully(bytes);
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            Matcher m = ACCESS.matcher(line);
            if (m.find()) {
                byPath.computeIfAbsent(m.group(1) + " " + m.group(2), k -> new Latencies()).add(Long.parseLong(m.group(4)) / 1000.0);
            }
        }
        return byPath;
    }

    /** Per profile: the gateway's view of each call, the services' own time and CPU per search. */
    private static final class Breakdown {
        final Map<String, Latencies> gateway = new LinkedHashMap<>();
        final Map<String, double[]> server = new LinkedHashMap<>();
        final Map<String, Long> cpu = new LinkedHashMap<>();
        final Map<String, Long> bookingWebThreadTicks = new java.util.TreeMap<>();
        int searches;

        void add(Snapshot before, Snapshot after, int n, PlatformSettings settings) throws IOException {
            searches += n;
            gatewayLog(settings.logFile("gateway-service"), before.gatewayLogOffset(), after.gatewayLogOffset())
                    .forEach((k, v) -> gateway.computeIfAbsent(k, x -> new Latencies()).addAll(v));
            after.serverTimes().forEach((k, v) -> {
                double[] b = before.serverTimes().get(k);
                double[] acc = server.computeIfAbsent(k, x -> new double[2]);
                acc[0] += v[0] - b[0];
                acc[1] += v[1] - b[1];
            });
            after.cpuNanos().forEach((k, v) -> cpu.merge(k, v - before.cpuNanos().get(k), Long::sum));
            long threadTicks = 0;
            for (Map.Entry<String, ThreadCpu> t : after.bookingWebThreads().entrySet()) {
                ThreadCpu was = before.bookingWebThreads().get(t.getKey());
                long ticks = t.getValue().ticks() - (was == null ? 0 : was.ticks());
                bookingWebThreadTicks.merge(threadKind(t.getValue().name()), ticks, Long::sum);
                threadTicks += ticks;
            }
            // threads that ended inside the window (an idle executor thread, say) took their ticks with them
            long processTicks = (after.cpuNanos().get("booking-web-service") - before.cpuNanos().get("booking-web-service"))
                    / 10_000_000L;
            bookingWebThreadTicks.merge("(threads ended in the window)", Math.max(0, processTicks - threadTicks), Long::sum);
        }

        /** Mean ms of one of the timers read from Prometheus; NaN when it saw no request. */
        double mean(String what) {
            double[] v = server.get(what);
            return v == null || v[0] == 0 ? Double.NaN : v[1] * 1000 / v[0];
        }
    }

    // ---- report -----------------------------------------------------------------------------

    private void print() throws Exception {
        double dxConfigured = configuredRttMs("dx");
        double zeroConfigured = configuredRttMs("zero");
        System.out.println();
        System.out.println("| link profile | operation | n | p50 ms | p99 ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach((profile, cases) -> cases.forEach((name, l) -> System.out.printf(
                "| %s | %s | %d | %.2f | %.2f | %.2f |%n", profile, name, l.count(), l.p50(), l.p99(), l.mean())));
        System.out.println();
        for (String profile : PROFILES) {
            Map<String, Latencies> r = results.get(profile);
            double measured = r.get("health GET, through the link").p50() - r.get("health GET, direct").p50();
            double configured = profile.equals("dx") ? dxConfigured : zeroConfigured;
            double rtt = Math.max(measured, configured);
            double goal = 1.2 * rtt + 15;
            double p50 = r.get("availability search (partner API)").p50();
            System.out.printf("goal check %s: link RTT measured %.2f ms (p50 through the link - p50 direct), configured %.2f ms;"
                            + " search p50 %.2f ms <= 1.2 x %.2f + 15 = %.2f ms: %s%n",
                    profile, measured, configured, p50, rtt, goal, p50 <= goal ? "MET" : "NOT MET");
        }
        System.out.println();
        System.out.println("| link profile | where a search's time goes | n | p50 ms | p99 ms | mean ms |");
        System.out.println("|---|---|---|---|---|---|");
        breakdowns.forEach((profile, b) -> {
            Latencies client = results.get(profile).get("availability search (partner API)");
            System.out.printf("| %s | client: partner POST %s | %d | %.2f | %.2f | %.2f |%n", profile, SEARCH,
                    client.count(), client.p50(), client.p99(), client.mean());
            b.gateway.forEach((path, l) -> System.out.printf("| %s | gateway access log: %s | %d | %.2f | %.2f | %.2f |%n",
                    profile, path, l.count(), l.p50(), l.p99(), l.mean()));
            b.server.forEach((what, v) -> System.out.printf("| %s | %s%s | %.0f | | | %.2f |%n", profile,
                    what.startsWith(CLIENT_PREFIX) || what.equals(INSIDE) ? "" : "server time (http.server.requests): ", what, v[0], b.mean(what)));
        });
        System.out.println();
        // booking-web calls planning on the request thread and supply chain on another at the same time, so its
        // own time is its server time minus the planning call as its client saw it (plus any wait for supply chain)
        System.out.println("| link profile | a search, means in ms | client | booking-web server time | of which HTTP framework"
                + " (filters, identity token, body, answer) | inside the controller | of which the planning call (booking-web's"
                + " client) | of which booking-web's own work around it | the planning call as the gateway saw it | planning's"
                + " server time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        // booking-web calls planning on the request thread and supply chain on another at the same time: its own work
        // is the time inside the controller minus the planning call as its client saw it (a wait for supply included)
        breakdowns.forEach((profile, b) -> {
            double total = results.get(profile).get("availability search (partner API)").mean();
            double server = b.mean("booking-web-service " + SEARCH);
            double inside = b.mean(INSIDE);
            double client = b.mean(CLIENT_PREFIX + "planning " + PL_SEARCH_CLIENT);
            double gatewayPlanning = b.gateway.getOrDefault("POST /onprem/planning" + PL_SEARCH, new Latencies()).mean();
            System.out.printf("| %s | | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", profile, total, server,
                    server - inside, inside, client, inside - client, gatewayPlanning, b.mean("planning-service " + PL_SEARCH));
        });
        System.out.println();
        System.out.println("| link profile | booking-web-service CPU ms per search, by kind of thread (/proc/<pid>/task) |");
        System.out.println("|---|---|");
        breakdowns.forEach((profile, b) -> {
            StringBuilder row = new StringBuilder();
            b.bookingWebThreadTicks.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() > 0)
                    .forEach(e -> row.append(String.format("%s%s %.2f", row.length() == 0 ? "" : " · ", e.getKey(),
                            e.getValue() * 10.0 / b.searches)));
            System.out.println("| " + profile + " | " + row + " |");
        });
        System.out.println();
        System.out.println("| link profile | CPU ms per search: " + String.join(" | ", PROCESSES) + " |");
        System.out.println("|---|" + "---|".repeat(PROCESSES.size()));
        breakdowns.forEach((profile, b) -> {
            StringBuilder row = new StringBuilder("| " + profile + " |");
            for (String p : PROCESSES) {
                row.append(String.format(" %.2f |", b.cpu.getOrDefault(p, 0L) / 1e6 / b.searches));
            }
            System.out.println(row);
        });
        System.out.println();
        bookingOutcomes.forEach((profile, o) -> System.out.println("bookings " + profile + " (only CONFIRMED ones are timed): " + o));
        System.out.println("partner requests answered 429 and retried (not timed): " + rateLimited
                + "; load average at the end " + loadAverage());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void progress(String line) {
        System.out.println("# [" + Instant.now() + "] " + line);
    }

    private static Path root() {
        String configured = System.getProperty("glasslink.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("infra/launcher")) ? cwd : cwd.resolve("../..").normalize();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String commit(Path root) {
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "log", "-1", "--format=%h %cI").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            Process status = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            status.waitFor();
            return dirty ? out + " + uncommitted changes" : out;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
