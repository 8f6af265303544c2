package io.glasslink.supplychain.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark: starts the real service (embedded PostgreSQL 17 and Kafka, reference data loaded)
 * and drives it over HTTP at a fixed concurrency for a fixed time per scenario: single-centre
 * availability, 20-centre batch availability, and part holds with contention (every request on
 * the same few stock rows), then checks the database for oversell.
 *
 * <p>System properties: {@code bench.seconds} (per scenario, default 15), {@code bench.warmup}
 * (seconds, default 10), {@code bench.concurrency} (default 32).
 */
public final class SupplyChainLoadDriver {

    private SupplyChainLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 15);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        PostgresServer pg = TestInfrastructure.postgres();
        String url = pg.createDatabase("supplychain_bench_" + System.currentTimeMillis());
        int port = FreePorts.find();
        long started = System.nanoTime();
        // command-line arguments: they override application.yml (default properties would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SupplyChainApplication.class).run(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--glasslink.identity.secret=" + TestIdentity.secret(),
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
            String token = TestIdentity.token(Duration.ofHours(2));
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
            // contention: 5 parts with 2,000 units each at one centre, every hold on one of those 5 rows
            List<String> hot = parts.subList(0, 5);
            hot.forEach(p -> jdbc.sql("insert into stock (part_number, location_id, on_hand) values (?, 'C001', 2000)"
                    + " on conflict (part_number, location_id) do update set on_hand = 2000, held = 0, allocated = 0")
                    .param(p).update());
            jdbc.sql("update parts set supplier_lead_days = null where part_number = any(?)")
                    .param(hot.toArray(String[]::new)).update();
            jdbc.sql("update stock set on_hand = 0, held = 0, allocated = 0 where part_number = any(?) and location_id <> 'C001'")
                    .param(hot.toArray(String[]::new)).update();
            IntFunction<HttpRequest> hold = i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/holds"))
                    .header("X-Glasslink-Identity", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"bookingReference\":\"BENCH-" + UUID.randomUUID()
                            + "\",\"partNumber\":\"" + hot.get(i % hot.size()) + "\",\"quantity\":1,\"centreId\":\"C001\"}"))
                    .build();

            run("warm-up (single + batch)", http, single, concurrency, warmup, false);
            run("warm-up (batch)", http, batch, concurrency, warmup / 2, false);
            System.out.println();
            System.out.println("| scenario | concurrency | requests | req/s | p50 ms | p99 ms | max ms | statuses |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            run("availability, 1 centre", http, single, concurrency, seconds, true);
            run("availability batch, 20 centres", http, batch, concurrency, seconds, true);
            run("hold, 5 hot stock rows", http, hold, concurrency, seconds, true);

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

    private static void run(String name, HttpClient http, IntFunction<HttpRequest> requests, int concurrency, int seconds,
                            boolean print) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong sequence = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> workers = new ArrayList<>();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
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
        if (!print) {
            return;
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %s |%n", name, concurrency, all.length,
                all.length / elapsed, pct(all, 0.50), pct(all, 0.99), all[all.length - 1] / 1e6, statuses);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
