package io.glasslink.supplychain.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.glasslink.supplychain.SupplyChainApplication;
import io.glasslink.supplychain.TestIdentity;
import io.glasslink.testsupport.FreePorts;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestInfrastructure;
import io.glasslink.testsupport.Wrk;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark: starts the real service (embedded PostgreSQL 17 and Kafka, reference data loaded)
 * and drives it over HTTP at a fixed concurrency for a fixed time per scenario: single-centre
 * availability, 20-centre batch availability, and part holds with contention (every request on
 * the same few stock rows), then checks the database for oversell.
 *
 * <p>Per scenario it prints throughput, p50/p99, the status counts and what a request costs: CPU
 * of this JVM (service, the HTTP client of the driver and the embedded Kafka broker), CPU of the
 * service's Tomcat request threads alone, CPU of the PostgreSQL backends of the benchmark
 * database, and SQL statements and commits the service ran. Client and service share one JVM and
 * the machine's cores, so the throughput is a lower bound of what the service does alone.
 *
 * <p>System properties: {@code bench.seconds} (per scenario, default 15), {@code bench.warmup}
 * (seconds of mixed availability and hold requests, so that the JIT has compiled every path;
 * default 40, longer until {@code bench.warmupRequests} requests, default 60,000, were made, up to
 * five times as long), {@code bench.concurrency} (default 16: by Little's law, 2,000 req/s at
 * 8 ms mean latency keeps 16 requests in flight, which a p99 of 20 ms leaves room for).
 *
 * <p>Then, when {@code wrk} is installed (and not {@code -Dbench.noWrk=true}), the same three
 * scenarios again from wrk, a C load generator in its own process: the "(wrk)" rows. Their JVM
 * CPU is the service's (and the embedded Kafka broker's) alone, and the client takes far less of
 * the shared cores than the JDK client does. The percentiles of those rows are wrk's. Two yardstick
 * rows come first: the same service answering a constant JSON without the database
 * ({@link FloorController}), once with the identity token and once anonymous, i.e. what Tomcat,
 * Spring Security, Spring MVC and Jackson alone cost here.
 *
 * <p>{@code -Dbench.noJdkClient=true} skips the JDK-client rows; {@code -Dbench.jfr=<directory>}
 * records each wrk scenario with JFR into its own file there.
 */
public final class SupplyChainLoadDriver {

    private SupplyChainLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int warmup = Integer.getInteger("bench.warmup", 40);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        int warmupRequests = Integer.getInteger("bench.warmupRequests", 60_000);
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("supplychain_bench_" + System.currentTimeMillis());
        int port = FreePorts.find();
        long started = System.nanoTime();
        // command-line arguments: they override application.yml (default properties would not)
        StatementCounter counter = new StatementCounter();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupplyChainApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(counter))
                .run(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--glasslink.identity.secret=" + TestIdentity.secret(),
                "--glasslink.identity.max-lifetime=PT3H",
                "--glasslink.demo-data.enabled=true",
                "--glasslink.bench.floor=true",
                "--logging.level.root=WARN");
        System.out.printf(Locale.ROOT, "service started (schema + reference data) in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<String> parts = jdbc.sql("select part_number from stock where location_id = 'DC' order by part_number")
                    .query(String.class).list();
            List<String> centres = jdbc.sql("select location_id from locations where type = 'CENTRE' order by 1")
                    .query(String.class).list();
            String base = "http://localhost:" + port;
            // wrk replays one token for the whole run: the service runs on the machine's clock and accepts it for 3 h
            String token = TestIdentity.token(Clock.systemUTC(), Duration.ofHours(2));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            IntFunction<HttpRequest> single = i -> {
                Random r = new Random(i);
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/availability?partNumber="
                                + parts.get(r.nextInt(parts.size())) + "&centreId=" + centres.get(r.nextInt(centres.size()))))
                        .header("X-Glasslink-Identity", token).GET().build();
            };
            IntFunction<HttpRequest> batch = i -> {
                Random r = new Random(i);
                int first = r.nextInt(centres.size() - 20);
                String ids = String.join("\",\"", centres.subList(first, first + 20));
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/availability/batch"))
                        .header("X-Glasslink-Identity", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"partNumber\":\"" + parts.get(r.nextInt(parts.size()))
                                + "\",\"quantity\":1,\"centreIds\":[\"" + ids + "\"]}"))
                        .build();
            };
            // contention: 5 discontinued parts (no supplier) with 20,000 units each at one centre and none
            // elsewhere, every hold on one of those 5 rows; the next 5 take the warm-up holds
            List<String> discontinued = jdbc.sql("select part_number from parts where supplier_lead_days is null"
                    + " order by 1 limit 10").query(String.class).list();
            List<String> hot = discontinued.subList(0, 5);
            List<String> warm = discontinued.subList(5, 10);
            jdbc.sql("update stock set on_hand = 0, held = 0, allocated = 0 where part_number = any(?)")
                    .param(discontinued.toArray(String[]::new)).update();
            discontinued.forEach(p -> jdbc.sql("insert into stock (part_number, location_id, on_hand) values (?, 'C001', 20000)"
                    + " on conflict (part_number, location_id) do update set on_hand = 20000, held = 0, allocated = 0")
                    .param(p).update());
            IntFunction<HttpRequest> hold = i -> holdRequest(base, token, hot.get(i % hot.size()));
            // warm-up: every path the scenarios take, so that the JIT has compiled them all
            IntFunction<HttpRequest> mixed = i -> switch (i % 3) {
                case 0 -> single.apply(i);
                case 1 -> batch.apply(i);
                default -> holdRequest(base, token, warm.get(i % warm.size()));
            };

            Meters meters = new Meters(counter, url.substring(url.lastIndexOf('/') + 1));
            // at least bench.warmup seconds and bench.warmupRequests requests (the JIT compiles by count,
            // so a slow, busy machine needs longer), at most five times bench.warmup
            long warmed = run("warm-up", http, mixed, concurrency, warmup, null);
            for (int extra = 0; warmed < warmupRequests && extra < 4 * warmup; extra += 5) {
                warmed += run("warm-up", http, mixed, concurrency, 5, null);
            }
            System.out.printf(Locale.ROOT, "warm-up: %d requests%n", warmed);
            awaitOutboxDrained(jdbc);
            System.out.println();
            System.out.printf(Locale.ROOT, "%d cores, concurrency %d, %d s per scenario, client and service in one JVM%n",
                    Runtime.getRuntime().availableProcessors(), concurrency, seconds);
            System.out.println("| scenario | concurrency | requests | req/s | p50 ms | p99 ms | max ms | statuses"
                    + " | JVM CPU ms/req | Tomcat threads CPU ms/req | PostgreSQL CPU ms/req | SQL statements/req"
                    + " | commits/req | load avg |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            if (!Boolean.getBoolean("bench.noJdkClient")) {
                run("availability, 1 centre", http, single, concurrency, seconds, meters);
                run("availability batch, 20 centres", http, batch, concurrency, seconds, meters);
                run("hold, 5 hot stock rows", http, hold, concurrency, seconds, meters);
            }

            if (Wrk.available() && !Boolean.getBoolean("bench.noWrk")) {
                // the same scenarios from wrk, a C client: this JVM then runs the service (and Kafka) only
                String prelude = "local headers = {[\"X-Glasslink-Identity\"] = \"" + token + "\"}\n"
                        + "local jsonHeaders = {[\"X-Glasslink-Identity\"] = \"" + token + "\", [\"Content-Type\"] = \"application/json\"}\n"
                        + "local parts = " + Wrk.luaList(parts) + "\nlocal centres = " + Wrk.luaList(centres) + "\n"
                        + "local hot = " + Wrk.luaList(hot) + "\nlocal run = \"" + Long.toString(System.nanoTime(), 36) + "\"\n";
                String singleLua = "return wrk.format(\"GET\", \"/api/v1/availability?partNumber=\" .. parts[math.random(#parts)]"
                        + " .. \"&centreId=\" .. centres[math.random(#centres)], headers)";
                String batchLua = "local first = math.random(#centres - 20)\n"
                        + "return wrk.format(\"POST\", \"/api/v1/availability/batch\", jsonHeaders, '{\"partNumber\":\"' .. parts[math.random(#parts)]"
                        + " .. '\",\"quantity\":1,\"centreIds\":[\"' .. table.concat(centres, '\",\"', first, first + 19) .. '\"]}')";
                // the yardstick: the same stack answering a constant JSON without the database (FloorController)
                String floorLua = "return wrk.format(\"GET\", \"/api/v1/bench/floor\", headers)";
                String anonymousFloorLua = "return wrk.format(\"GET\", \"/bench/floor\")";
                String holdLua = "return wrk.format(\"POST\", \"/api/v1/holds\", jsonHeaders, '{\"bookingReference\":\"BENCH-W' .. run .. '-' .. id"
                        + " .. '-' .. n .. '\",\"partNumber\":\"' .. hot[(n % #hot) + 1] .. '\",\"quantity\":1,\"centreId\":\"C001\"}')";
                for (String[] scenario : new String[][] {
                        {"floor: constant JSON, identity token, no database (wrk)", floorLua},
                        {"floor: constant JSON, anonymous, no database (wrk)", anonymousFloorLua},
                        {"availability, 1 centre (wrk)", singleLua},
                        {"availability batch, 20 centres (wrk)", batchLua}, {"hold, 5 hot stock rows (wrk)", holdLua}}) {
                    jdk.jfr.Recording recording = startRecording(scenario[0]); // its start-up cost falls in the pre-run
                    Wrk.run(base, concurrency, 3, prelude, scenario[1]); // wrk's connections and the new request mix
                    awaitOutboxDrained(jdbc);
                    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                    Meters.Reading before = meters.read();
                    Wrk.Result r = Wrk.run(base, concurrency, seconds, prelude, scenario[1]);
                    Meters.Reading used = meters.read().minus(before);
                    stopRecording(recording, scenario[0]);
                    double n = r.requests();
                    System.out.printf(Locale.ROOT,
                            "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | non-2xx×%d, socket errors: %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f |%n",
                            scenario[0], concurrency, r.requests(), r.perSecond(), r.p50(), r.p99(), r.max(), r.non2xx(),
                            r.socketErrors(), used.jvmCpuNanos() / 1e6 / n, used.tomcatCpuNanos() / 1e6 / n,
                            used.postgresCpuNanos() / 1e6 / n, used.statements() / n, used.commits() / n, load);
                }
            } else {
                System.out.println("(wrk not installed or -Dbench.noWrk=true: the wrk rows are skipped)");
            }

            long oversold = jdbc.sql("select count(*) from stock where held + allocated > on_hand").query(Long.class).single();
            long heldRows = jdbc.sql("select coalesce(sum(held), 0) from stock where part_number = any(?) and location_id = 'C001'")
                    .param(hot.toArray(String[]::new)).query(Long.class).single();
            long heldHolds = jdbc.sql("select coalesce(sum(quantity), 0) from part_holds where part_number = any(?) and status = 'HELD'")
                    .param(hot.toArray(String[]::new)).query(Long.class).single();
            System.out.printf(Locale.ROOT, "%noversold stock rows: %d; held units on hot rows: %d; units in HELD holds: %d%n",
                    oversold, heldRows, heldHolds);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static long run(String name, HttpClient http, IntFunction<HttpRequest> requests, int concurrency, int seconds,
                            Meters meters) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Meters.Reading before = meters == null ? null : meters.read();
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.apply((int) sequence.incrementAndGet());
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    long t = System.nanoTime() - t0;
                    statuses.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = t;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : workers) {
            long[] l = f.get();
            long[] merged = Arrays.copyOf(all, all.length + l.length);
            System.arraycopy(l, 0, merged, all.length, l.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (meters == null) {
            return all.length;
        }
        Meters.Reading used = meters.read().minus(before);
        double n = all.length;
        Arrays.sort(all);
        System.out.printf(Locale.ROOT,
                "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f |%n",
                name, concurrency, all.length, n / elapsed, pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6, statuses,
                used.jvmCpuNanos() / 1e6 / n, used.tomcatCpuNanos() / 1e6 / n, used.postgresCpuNanos() / 1e6 / n,
                used.statements() / n, used.commits() / n, load);
        return all.length;
    }

    /**
     * With {@code -Dbench.jfr=<directory>}: a JFR recording of one wrk scenario (its 3 s pre-run and
     * its measured run) with the JDK's "default" settings, execution samples every 10 ms and
     * allocation samples (the "profile" settings cost too much here); null otherwise.
     */
    private static jdk.jfr.Recording startRecording(String scenario) throws Exception {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        java.util.Map<String, String> settings = new java.util.HashMap<>(jdk.jfr.Configuration.getConfiguration("default")
                .getSettings());
        settings.put("jdk.ExecutionSample#period", "10 ms");
        jdk.jfr.Recording recording = new jdk.jfr.Recording(settings);
        recording.setName(scenario);
        recording.start();
        return recording;
    }

    private static void stopRecording(jdk.jfr.Recording recording, String scenario) throws Exception {
        if (recording == null) {
            return;
        }
        recording.stop();
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("bench.jfr"));
        java.nio.file.Files.createDirectories(dir);
        recording.dump(dir.resolve(scenario.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "") + ".jfr"));
        recording.close();
    }

    /** Lets the warm-up holds' events go out to Kafka first, so that their outbox work is not counted. */
    private static void awaitOutboxDrained(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
    }

    private static HttpRequest holdRequest(String base, String token, String partNumber) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/holds"))
                .header("X-Glasslink-Identity", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bookingReference\":\"BENCH-" + UUID.randomUUID()
                        + "\",\"partNumber\":\"" + partNumber + "\",\"quantity\":1,\"centreId\":\"C001\"}"))
                .build();
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
