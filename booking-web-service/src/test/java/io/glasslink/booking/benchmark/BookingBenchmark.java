package io.glasslink.booking.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.glasslink.booking.BookingWebApplication;
import io.glasslink.booking.support.FakeGateway;
import io.glasslink.booking.support.TestIdentity;
import io.glasslink.testsupport.FreePorts;
import io.glasslink.testsupport.PostgresServer;
import io.glasslink.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Saga overhead against a stand-in: availability search and booking confirmation of an in-process
 * booking-web-service (real PostgreSQL/Kafka) whose on-prem calls cross the real link simulator (TCP,
 * DX profile and 0 ms) to {@link FakeGateway}, a scripted JDK {@code HttpServer} playing the gateway's
 * hybrid routes, supply-chain and planning. Neither the gateway nor the real on-prem services are in
 * the path: this isolates booking-web's own cost. The figures of the real path come from
 * {@code io.glasslink.launcher.bench.BookingPathBenchmark} (infra/launcher), see docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl booking-web-service test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.glasslink.booking.benchmark.BookingBenchmark
 * [-Dexec.args="<seconds-per-case>"]} after building {@code infra/link-simulator}.
 */
public final class BookingBenchmark {

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        // read once when the first JDK HttpServer starts: without it the stand-in's small answers meet
        // Nagle's algorithm and the client's delayed ACK, and every round trip costs ~40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path linkJar = java.util.stream.Stream.of("infra/link-simulator/target/link-simulator-exec.jar",
                        "../infra/link-simulator/target/link-simulator-exec.jar")
                .map(Path::of).filter(java.nio.file.Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IllegalStateException("build infra/link-simulator first"));
        try (FakeGateway onPrem = new FakeGateway(java.time.Clock.systemUTC())) {
            int linkPort = FreePorts.find();
            int controlPort = FreePorts.find();
            String upstream = "127.0.0.1:" + URI.create(onPrem.url()).getPort();
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", linkJar.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(Map.of(
                    "LINK_CONTROL_PORT", String.valueOf(controlPort),
                    "LINK_SUPPLY_CHAIN_LISTEN_PORT", String.valueOf(linkPort),
                    "LINK_SUPPLY_CHAIN_UPSTREAM", upstream,
                    "LINK_PLANNING_LISTEN_PORT", String.valueOf(FreePorts.find()),
                    "LINK_PLANNING_UPSTREAM", upstream,
                    "LINK_BIND_HOST", "127.0.0.1",
                    "LINK_PROFILE", "dx"));
            Process link = pb.start();
            ConfigurableApplicationContext app = null;
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                awaitUp(http, "http://127.0.0.1:" + controlPort + "/actuator/health");
                PostgresServer pg = TestInfrastructure.postgres();
                // command-line arguments: they win over application.yml (builder properties would not)
                app = new SpringApplicationBuilder(BookingWebApplication.class).run(
                        "--server.port=0",
                        "--spring.datasource.url=" + pg.createDatabase("booking_bench_" + System.currentTimeMillis()),
                        "--spring.datasource.username=" + pg.username(),
                        "--spring.datasource.password=" + pg.password(),
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                        "--glasslink.booking.gateway-url=http://127.0.0.1:" + linkPort,
                        "--glasslink.identity.secret=" + TestIdentity.secret(),
                        "--logging.level.root=WARN");
                String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                List<String> lines = new ArrayList<>();
                for (String profile : List.of("zero", "dx")) {
                    post(http, "http://127.0.0.1:" + controlPort + "/profiles/" + profile, null, "");
                    Thread.sleep(1500);
                    double[] raw = measure(seconds, () -> {
                        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + linkPort
                                + "/onprem/supply-chain/api/v1/vehicles/makes"))
                                .header("X-API-Key", "dev-booking-web-key").build();
                        http.send(req, HttpResponse.BodyHandlers.ofString());
                    });
                    double[] search = measure(seconds, () -> post(http, base + "/api/v1/availability/search", TestIdentity.partner("P-BENCH", java.time.Clock.systemUTC()),
                            "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"partNumber\":\"WS-RENAULT-CLIO-5\",\"postcode\":\"75011\"}"));
                    int[] n = {0};
                    double[] book = measure(seconds, () -> post(http, base + "/api/v1/bookings", TestIdentity.partner("P-BENCH", java.time.Clock.systemUTC()),
                            booking(onPrem, profile + (n[0]++))));
                    lines.add(row(profile, "link round trip (GET through the link)", raw));
                    lines.add(row(profile, "availability search (POST /api/v1/availability/search)", search));
                    lines.add(row(profile, "booking to CONFIRMED (POST /api/v1/bookings)", book));
                }
                System.out.println("saga overhead against a stand-in (FakeGateway behind the link; no gateway, no real on-prem services)");
                System.out.println("| link profile | operation | n | p50 ms | p99 ms |");
                System.out.println("|---|---|---|---|---|");
                lines.forEach(System.out::println);
            } finally {
                if (app != null) {
                    app.close();
                }
                link.destroy();
                if (!link.waitFor(10, TimeUnit.SECONDS)) {
                    link.destroyForcibly();
                }
            }
        }
        System.exit(0);
    }

    private static String booking(FakeGateway onPrem, String key) {
        String start = onPrem.slotStart(1, 14).toString();
        return "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":true,\"partNumber\":\"WS-RENAULT-CLIO-5\","
                + "\"centreId\":\"C326\",\"mode\":\"CENTRE\",\"start\":\"" + start + "\","
                + "\"vehicle\":{\"make\":\"Renault\",\"model\":\"Clio\",\"year\":2021},"
                + "\"customer\":{\"name\":\"Bench\",\"email\":\"bench-" + key + "@example.com\",\"phone\":\"0601020304\",\"consent\":true}}";
    }

    private static void post(HttpClient http, String url, String identity, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (identity != null) {
            req.header("X-Glasslink-Identity", identity).header("Idempotency-Key", Integer.toHexString(body.hashCode()));
        }
        HttpResponse<String> response = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300 || response.body().contains("\"PENDING\"") || response.body().contains("\"FAILED\"")
                || response.body().contains("\"provisional\":true")) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private static void awaitUp(HttpClient http, String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " did not come up");
    }

    private interface Call {
        void run() throws Exception;
    }

    /** Warm-up for a third of the time, then sequential calls for {@code seconds}; latencies in ms. */
    private static double[] measure(int seconds, Call call) throws Exception {
        long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds / 3));
        while (System.nanoTime() < warm) {
            call.run();
        }
        List<Double> samples = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            call.run();
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static String row(String profile, String what, double[] sorted) {
        return String.format("| %s | %s | %d | %.1f | %.1f |", profile, what, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]);
    }
}
