package io.glasslink.planning.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.glasslink.planning.BusinessTime;
import io.glasslink.planning.PlanningIntegrationTest;
import io.glasslink.planning.TestIdentity;
import io.glasslink.planning.slots.JobType;
import io.glasslink.planning.slots.SlotQuery;
import io.glasslink.planning.slots.SlotSearch;
import io.glasslink.testsupport.Wrk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load driver for the planning service: the real service (full context, HTTP, security) on the
 * embedded PostgreSQL and Kafka, driven over loopback by a pool of client threads in the same JVM.
 * Not part of {@code verify} (its name matches no Surefire include); run it on purpose:
 * <pre>./mvnw -B -o -Pbenchmark -pl planning-service test -Dbenchmark.seconds=10 -Dbenchmark.threads=8</pre>
 * ({@code -Dbenchmark.jitWarmup=30} seconds of mixed searches first, {@code -Dbenchmark.holdWarmup=120} seconds at most of
 * distinct-slot holds before the hold cases, until the JIT is quiet, {@code -Dbenchmark.warmup=10} seconds of warm-up per case,
 * {@code -Dbenchmark.only=one centre,holds} for some cases only). Besides latency it reports CPU per request: the service JVM's (process CPU time
 * minus the in-JVM clients' threads; the JIT compiler's share shown apart) and PostgreSQL's.
 * When {@code wrk} is installed (not with {@code -Dbenchmark.noWrk=true}) the one-centre search and
 * the distinct-slot holds run again from wrk, a C client in its own process ("(wrk)" rows: the
 * service CPU there is the whole JVM's, with no client in it; percentiles are wrk's).
 * Results are printed and written to {@code target/benchmark-planning.md}.
 */
@org.springframework.test.context.TestPropertySource(properties = "glasslink.identity.max-lifetime=PT2H")
class PlanningLoadBenchmark extends PlanningIntegrationTest {

    /** Counts the service's SQL statements and commits (columns "SQL statements/req", "commits/req"). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingSql {
        @Bean
        static SqlCounter sqlCounter() {
            return new SqlCounter();
        }
    }

    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 10);
    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    private static final int WARMUP_SECONDS = Integer.getInteger("benchmark.warmup", 10);
    /** Seconds of all three searches mixed before the first case, so that it does not pay for the JIT alone. */
    private static final int JIT_WARMUP_SECONDS = Integer.getInteger("benchmark.jitWarmup", 30);
    /**
     * Seconds of distinct-slot holds at most before the hold cases, until the JIT compilers are quiet (0: none, the
     * short warm-up of before: the case's own 10 s). On 2 shared cores C2 still compiled the hold path during the
     * measured runs after that short warm-up (its single C2 thread works through a queue of large methods).
     */
    private static final int HOLD_WARMUP_SECONDS = Integer.getInteger("benchmark.holdWarmup", 120);
    /** Comma-separated parts of scenario names to run (e.g. {@code one centre,holds}); all when empty. */
    private static final List<String> ONLY = java.util.Arrays.stream(System.getProperty("benchmark.only", "").split(","))
            .map(String::trim).filter(x -> !x.isEmpty()).toList();

    @Autowired
    SlotSearch search;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // one token for the whole run (wrk sends a fixed header): this context accepts tokens living up to 2 h
    private final String token = TestIdentity.token("glasslink-gateway", "planning-service", BusinessTime.now().plusSeconds(3600),
            TestIdentity.signingKey());
    private final List<String> report = new ArrayList<>();

    private record Result(String name, long requests, double perSecond, double p50, double p99, double max,
                          Map<Integer, Long> statuses) {
    }

    private final CpuMeter cpu = new CpuMeter();

    @Test
    void run() throws Exception {
        LocalDate from = workday(2);
        LocalDate to = from.plusDays(13);
        List<String> centres = IntStream.rangeClosed(1, 450).mapToObj(i -> "C%03d".formatted(i)).toList();
        List<String> postcodes = jdbc.queryForList("select distinct departement || '100' from centre where vans > 0 order by 1", String.class);

        cpu.findPostgres(jdbc.queryForObject("select pg_backend_pid()", Integer.class));
        report.add("| scenario | client threads | requests | req/s | p50 ms | p99 ms | max ms | service CPU ms/req | of which JIT | of which Kafka broker | PostgreSQL CPU ms/req | SQL statements/req | commits/req | statuses | load avg (1 min) |");
        report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        IntFunction<HttpRequest> oneCentre = i -> get("/api/v1/slots?jobType=WINDSCREEN_REPLACEMENT&centreId="
                + centres.get(i % centres.size()) + "&from=" + from + "&to=" + to);
        IntFunction<HttpRequest> home = i -> post("/api/v1/slots/search", """
                {"jobType":"WINDSCREEN_REPLACEMENT","calibration":true,"postcode":"%s","from":"%s","to":"%s"}"""
                .formatted(postcodes.get(i % postcodes.size()), from, to));
        IntFunction<HttpRequest> tenCentres = i -> post("/api/v1/slots/search", """
                {"jobType":"CHIP_REPAIR","centreIds":[%s],"from":"%s","to":"%s"}""".formatted(
                IntStream.range(0, 10).mapToObj(k -> "\"" + centres.get((i * 10 + k) % centres.size()) + "\"")
                        .collect(Collectors.joining(",")), from, to));
        run(i -> switch (i % 3) {
            case 0 -> oneCentre.apply(i / 3);
            case 1 -> home.apply(i / 3);
            default -> tenCentres.apply(i / 3);
        }, THREADS, JIT_WARMUP_SECONDS, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        measure("search: one centre, 14 days (GET /slots)", oneCentre, THREADS);
        measure("search: one centre, 14 days, 1 client", oneCentre, 1);
        measureInProcess("search: one centre, 14 days, in-process SlotSearch (no HTTP, no JSON)", i -> search.search(
                new SlotQuery(JobType.WINDSCREEN_REPLACEMENT, false, List.of(centres.get(i % centres.size())), null, from, to, null, null)));
        measure("search: home postcode, 14 days", home, THREADS);
        measure("search: 10 centres in one request, 14 days", tenCentres, THREADS);

        if (!skipped(DISTINCT_SLOTS) || !skipped(DISTINCT_SLOTS + " (wrk)")) {
            warmUpHoldPath(centres.stream().filter(c -> !c.equals("C050")).toList(), to.plusDays(1), to.plusDays(14));
        }
        List<String[]> targets = freeTargets(centres.subList(100, 450), from, to, 3600);
        AtomicInteger next = new AtomicInteger();
        Result spread = measure(DISTINCT_SLOTS, i -> {
            String[] t = targets.get(next.getAndIncrement() % targets.size());
            return post("/api/v1/appointments", hold("BENCH-" + System.nanoTime() + "-" + i, t[0], t[1]));
        }, THREADS);

        Map<String, Object> hot = slots("C050", "CHIP_REPAIR", from).get(0);
        Result contended = measure("holds: contention (all on one slot of C050)", i ->
                post("/api/v1/appointments", hold("HOT-" + System.nanoTime() + "-" + i, "C050", (String) hot.get("start"))), THREADS);

        if (Wrk.available() && !Boolean.getBoolean("benchmark.noWrk")) {
            // the same one-centre search and distinct-slot holds from wrk, a C client in its own process:
            // this JVM then runs the service alone and the client takes little of the shared cores
            String prelude = "local headers = {[\"X-Glasslink-Identity\"] = \"" + token + "\"}\n"
                    + "local jsonHeaders = {[\"X-Glasslink-Identity\"] = \"" + token + "\", [\"Content-Type\"] = \"application/json\"}\n"
                    + "local centres = " + Wrk.luaList(centres) + "\n"
                    // targets the Java client has not reached: every one of them is a free slot
                    + "local targets = " + Wrk.luaList(targets.subList(Math.min(next.get() + 1000, targets.size()), targets.size())
                            .stream().map(t -> t[0] + "|" + t[1]).toList()) + "\n"
                    + "local run = \"" + Long.toString(System.nanoTime(), 36) + "\"\n"
                    + "local offset = 0\n";
            measureWrk("search: one centre, 14 days (GET /slots) (wrk)", prelude,
                    "return wrk.format(\"GET\", \"/api/v1/slots?jobType=WINDSCREEN_REPLACEMENT&centreId=\" .. centres[math.random(#centres)]"
                            + " .. \"&from=" + from + "&to=" + to + "\", headers)");
            measureWrk(DISTINCT_SLOTS + " (wrk)", prelude,
                    "local t = targets[((n * 2 + id + offset) % #targets) + 1]\n"
                            + "local centre, start = t:match(\"([^|]+)|(.+)\")\n"
                            + "return wrk.format(\"POST\", \"/api/v1/appointments\", jsonHeaders, '{\"bookingReference\":\"WRK-' .. run .. '-' .. id .. '-' .. n"
                            + " .. '\",\"jobType\":\"CHIP_REPAIR\",\"calibration\":false,\"centreId\":\"' .. centre .. '\",\"mode\":\"CENTRE\",\"start\":\"' .. start .. '\"}')");
        }

        int overlaps = overlaps();
        Integer hotHolds = jdbc.queryForObject("""
                select count(*) from appointment where centre_id = 'C050' and lower(during) = ?::timestamptz
                  and status in ('HELD', 'CONFIRMED') and booking_reference like 'HOT-%'""", Integer.class, hot.get("start"));
        report.add("");
        report.add("Overlapping live appointments after the run: " + overlaps + ". Holds created on the contended slot: "
                + hotHolds + " (capacity " + hot.get("capacity") + "). Distinct-slot holds: "
                + spread.statuses().getOrDefault(201, 0L) + " created, " + spread.statuses().getOrDefault(409, 0L) + " conflicts.");
        String text = String.join("\n", report);
        System.out.println("\n" + text + "\n");
        Files.writeString(Path.of("target", "benchmark-planning.md"), text + "\n");
        assertThat(overlaps).isZero();
        if (contended.requests() > 0) {
            assertThat(hotHolds).isEqualTo(hot.get("capacity"));
        }
    }

    private static final String DISTINCT_SLOTS = "holds: no contention (distinct slots)";

    /**
     * Holds on slots of their own (the 14 days after the measured window: no measured case uses them) and references
     * of their own (none is an idempotent replay), from wrk when it is installed (the measured wrk run's path, and no
     * client code compiling in this JVM), else from the JDK client, in batches of 5 s until the JIT compiler threads
     * took less than 10 % of a batch's wall time, at most {@link #HOLD_WARMUP_SECONDS}. The line it adds to the
     * report says whether the compilers were quiet when the hold cases began.
     */
    private void warmUpHoldPath(List<String> centres, LocalDate from, LocalDate to) throws Exception {
        if (HOLD_WARMUP_SECONDS <= 0) {
            report.add(0, "");
            report.add(0, "Hold path warm-up: none (-Dbenchmark.holdWarmup=0): the hold cases' own " + WARMUP_SECONDS + " s only.");
            return;
        }
        List<String[]> all = freeTargets(centres, from, to, 1800);
        List<String[]> targets = all.subList(0, Math.min(all.size(), 30_000)); // wrk's LuaJIT: keep the list literal small
        boolean wrk = Wrk.available() && !Boolean.getBoolean("benchmark.noWrk");
        String prelude = "local jsonHeaders = {[\"X-Glasslink-Identity\"] = \"" + token + "\", [\"Content-Type\"] = \"application/json\"}\n"
                + "local targets = " + Wrk.luaList(targets.stream().map(t -> t[0] + "|" + t[1]).toList()) + "\n";
        String run = Long.toString(System.nanoTime(), 36);
        AtomicInteger next = new AtomicInteger();
        long holds = 0;
        long refused = 0;
        long offset = 0;
        long t0 = System.nanoTime();
        double jitMs = 0;
        double wallMs = 0;
        int batches = 0;
        boolean quiet = false;
        while (!quiet && (System.nanoTime() - t0) / 1e9 < HOLD_WARMUP_SECONDS) {
            CpuMeter.Snapshot before = cpu.snapshot();
            long b0 = System.nanoTime();
            if (wrk) {
                Wrk.Result r = Wrk.run("http://localhost:" + port, THREADS, 5, prelude + "local run = \"" + run + "-" + batches + "\"\n"
                        + "local offset = " + offset + "\n", """
                        local t = targets[((n * 2 + id + offset) % #targets) + 1]
                        local centre, start = t:match("([^|]+)|(.+)")
                        return wrk.format("POST", "/api/v1/appointments", jsonHeaders, '{"bookingReference":"WARM-' .. run .. '-' .. id .. '-' .. n
                          .. '","jobType":"CHIP_REPAIR","calibration":false,"centreId":"' .. centre .. '","mode":"CENTRE","start":"' .. start .. '"}')""");
                holds += r.requests();
                refused += r.non2xx();
                offset += r.requests() + r.requests() / 4 + 4; // one wrk thread may have sent more than the other
            } else {
                ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
                run(i -> {
                    String[] t = targets.get(next.getAndIncrement() % targets.size());
                    return post("/api/v1/appointments", hold("WARM-" + run + "-" + i, t[0], t[1]));
                }, THREADS, 5, new ConcurrentLinkedQueue<>(), statuses);
                holds += statuses.size();
                refused += statuses.stream().filter(st -> st != 201).count();
            }
            wallMs = (System.nanoTime() - b0) / 1e6;
            jitMs = (cpu.snapshot().jitNanos() - before.jitNanos()) / 1e6;
            batches++;
            quiet = jitMs < 0.10 * wallMs;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long d0 = System.nanoTime();
        settled(Duration.ofMinutes(3)); // the warm-up's events leave before the first case begins
        String line = String.format(Locale.ROOT, "Hold path warm-up (%s, %d connections): %d holds (%d refused) in %.0f s, %d batches of 5 s; "
                        + "JIT compiler threads %.0f ms of CPU in the last %.0f ms (%.0f %% of one core): %s; its events drained in %.0f s.",
                wrk ? "wrk" : "JDK client", THREADS, holds, refused, seconds, batches, jitMs, wallMs, 100 * jitMs / wallMs,
                quiet ? "quiet (< 10 %)" : "still compiling, measuring anyway", (System.nanoTime() - d0) / 1e9);
        System.out.println(line);
        report.add(0, "");
        report.add(0, line);
    }

    /** Free chip-repair starts of these centres, at least {@code spacing} seconds apart per centre (≥ 30 min: no two overlap), shuffled. */
    private List<String[]> freeTargets(List<String> centres, LocalDate from, LocalDate to, long spacing) {
        List<String[]> targets = new ArrayList<>();
        for (String c : centres) {
            List<Map<String, Object>> slots = slotsBetween(c, from, to);
            Instant last = Instant.EPOCH;
            for (Map<String, Object> s : slots) {
                Instant start = java.time.OffsetDateTime.parse((String) s.get("start")).toInstant();
                if (!start.isBefore(last.plusSeconds(spacing))) {
                    targets.add(new String[] {c, (String) s.get("start")});
                    last = start;
                }
            }
        }
        Collections.shuffle(targets, new Random(42));
        return targets;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> slotsBetween(String centre, LocalDate from, LocalDate to) {
        Map<String, Object> body = api().get().uri("/api/v1/slots?jobType=CHIP_REPAIR&centreId={c}&from={f}&to={t}", centre, from, to)
                .retrieve().body(MAP);
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) body.get("results")).get(0).get("slots");
    }

    private static String hold(String reference, String centre, String start) {
        return """
                {"bookingReference":"%s","jobType":"CHIP_REPAIR","calibration":false,"centreId":"%s","mode":"CENTRE","start":"%s"}"""
                .formatted(reference, centre, start);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Glasslink-Identity", token).GET().build();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Glasslink-Identity", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static boolean skipped(String name) {
        return !ONLY.isEmpty() && ONLY.stream().noneMatch(name::contains);
    }

    private Result measure(String name, IntFunction<HttpRequest> request, int threads) throws Exception {
        if (skipped(name)) {
            return new Result(name, 0, 0, 0, 0, 0, Map.of());
        }
        run(request, threads, WARMUP_SECONDS, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        long[] sqlBefore = settled();
        CpuMeter.Snapshot before = cpu.snapshot();
        mark(name, "start");
        long t0 = System.nanoTime();
        long clientCpu = run(request, threads, SECONDS, latencies, statuses);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        mark(name, "end");
        long[] sqlAfter = settled();
        CpuMeter.Snapshot after = cpu.snapshot();
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
        Result r = new Result(name, all.length, all.length / elapsed, pct(all, 50), pct(all, 99), all[all.length - 1] / 1e6, byStatus);
        report.add(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | %s | %s |", name, threads,
                r.requests(), r.perSecond(), r.p50(), r.p99(), r.max(),
                perRequest(after.jvmNanos() - before.jvmNanos() - clientCpu, all.length),
                perRequest(delta(before.jitNanos(), after.jitNanos()), all.length),
                perRequest(delta(before.brokerNanos(), after.brokerNanos()), all.length),
                perRequest(delta(before.postgresNanos(), after.postgresNanos()), all.length),
                sqlPerRequest(sqlBefore, sqlAfter, all.length), byStatus, loadAverage()));
        System.out.println(report.get(report.size() - 1));
        return r;
    }

    /** One wrk run (THREADS connections, 2 wrk threads) after a short one that opens its connections. */
    private void measureWrk(String name, String prelude, String requestFunction) throws Exception {
        if (skipped(name)) {
            return;
        }
        String base = "http://localhost:" + port;
        // the short run's booking references and hold targets must not come back in the measured
        // run (a repeated reference is an idempotent replay, not a hold): its own run id, and the
        // second half of the target list
        Wrk.run(base, THREADS, 3, prelude + "run = run .. \"w\"\noffset = math.floor(#targets / 2)\n", requestFunction);
        long[] sqlBefore = settled();
        CpuMeter.Snapshot before = cpu.snapshot();
        mark(name, "start");
        Wrk.Result r = Wrk.run(base, THREADS, SECONDS, prelude, requestFunction);
        mark(name, "end");
        long[] sqlAfter = settled();
        CpuMeter.Snapshot after = cpu.snapshot();
        report.add(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s | %s | non-2xx×%d, socket errors: %s | %s |",
                name, THREADS, r.requests(), r.perSecond(), r.p50(), r.p99(), r.max(),
                perRequest(after.jvmNanos() - before.jvmNanos(), r.requests()),
                perRequest(delta(before.jitNanos(), after.jitNanos()), r.requests()),
                perRequest(delta(before.brokerNanos(), after.brokerNanos()), r.requests()),
                perRequest(delta(before.postgresNanos(), after.postgresNanos()), r.requests()),
                sqlPerRequest(sqlBefore, sqlAfter, r.requests()), r.non2xx(), r.socketErrors(), loadAverage()));
        System.out.println(report.get(report.size() - 1));
    }

    private void measureInProcess(String name, java.util.function.IntConsumer call) {
        if (skipped(name)) {
            return;
        }
        long warmEnd = System.nanoTime() + Duration.ofSeconds(WARMUP_SECONDS).toNanos();
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            call.accept(i);
        }
        long[] lat = new long[1 << 20];
        int n = 0;
        CpuMeter.Snapshot before = cpu.snapshot();
        long t0 = System.nanoTime();
        long end = t0 + Duration.ofSeconds(SECONDS).toNanos();
        while (System.nanoTime() < end && n < lat.length) {
            long s = System.nanoTime();
            call.accept(n);
            lat[n++] = System.nanoTime() - s;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Snapshot after = cpu.snapshot();
        long[] all = java.util.Arrays.copyOf(lat, n);
        java.util.Arrays.sort(all);
        report.add(String.format(Locale.ROOT, "| %s | 1 | %d | %.0f | %.1f | %.1f | %.1f | %s | %s | %s | %s | - | - | - | %s |", name, n, n / elapsed,
                pct(all, 50), pct(all, 99), all[n - 1] / 1e6, perRequest(after.jvmNanos() - before.jvmNanos(), n),
                perRequest(delta(before.jitNanos(), after.jitNanos()), n),
                perRequest(delta(before.brokerNanos(), after.brokerNanos()), n),
                perRequest(delta(before.postgresNanos(), after.postgresNanos()), n), loadAverage()));
        System.out.println(report.get(report.size() - 1));
    }

    /** Runs the clients; answers the CPU time they used themselves (their threads and the HTTP client's). */
    private long run(IntFunction<HttpRequest> request, int threads, int seconds, ConcurrentLinkedQueue<long[]> latencies,
                     ConcurrentLinkedQueue<Integer> statuses) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger counter = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong clientCpu = new java.util.concurrent.atomic.AtomicLong(-CpuMeter.httpClientThreadsNanos());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long cpu0 = CpuMeter.currentThreadNanos();
                    long[] mine = new long[1 << 20];
                    int n = 0;
                    while (System.nanoTime() < end && n < mine.length) {
                        HttpRequest req = request.apply(counter.getAndIncrement());
                        long s = System.nanoTime();
                        HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
                        mine[n++] = System.nanoTime() - s;
                        statuses.add(res.statusCode());
                    }
                    latencies.add(java.util.Arrays.copyOf(mine, n));
                    clientCpu.addAndGet(CpuMeter.currentThreadNanos() - cpu0);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return clientCpu.addAndGet(CpuMeter.httpClientThreadsNanos());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Statements and commits sent so far on the service's pool, once the outbox is empty: events
     * leave after their transaction (Kafka send, then the completion), so a run's own CPU and
     * statements include that work only when it is waited for (up to 30 s).
     */
    private long ownStatements;

    private long[] settled() {
        return settled(Duration.ofSeconds(30));
    }

    private long[] settled(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            Integer outstanding;
            do {
                Thread.sleep(100);
                outstanding = jdbc.queryForObject("select count(*) from event_publication", Integer.class);
                ownStatements++; // this query goes through the counted pool too
            } while (outstanding != null && outstanding > 0 && System.nanoTime() < deadline);
            // and until the service sends no more statements for 500 ms: after a backlog (the hold warm-up's tens of
            // thousands of events), events older than the resubmission age were resubmitted while still queued for
            // their first send, and their second send and completion (a DELETE of nothing) come after the outbox is empty
            long last;
            do {
                last = SqlCounter.STATEMENTS.sum();
                Thread.sleep(500);
            } while (SqlCounter.STATEMENTS.sum() != last && System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new long[] {SqlCounter.STATEMENTS.sum() - ownStatements, SqlCounter.COMMITS.sum() - ownStatements};
    }

    private static String sqlPerRequest(long[] before, long[] after, long requests) {
        return requests == 0 ? "? | ?" : String.format(Locale.ROOT, "%.2f | %.2f",
                (after[0] - before[0]) / (double) requests, (after[1] - before[1]) / (double) requests);
    }

    private static long delta(long before, long after) {
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static String perRequest(long nanos, long requests) {
        return nanos < 0 || requests == 0 ? "?" : String.format(Locale.ROOT, "%.2f", nanos / 1e6 / requests);
    }

    /** JVM uptime at a measured run's start and end, to find it in a -XX:+PrintCompilation log (whose stamps are uptime ms). */
    private static void mark(String name, String what) {
        System.out.println("[uptime " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms] " + what + ": " + name);
    }

    /** The machine's 1-minute load average (2 shared cores: anything above 2 means waiting for a CPU). */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
