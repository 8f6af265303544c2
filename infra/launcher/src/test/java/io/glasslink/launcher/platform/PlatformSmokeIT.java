package io.glasslink.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform as deployed: real Kafka (own JVM), PostgreSQL, S3Proxy, the link simulator
 * and the five service jars in JVMs of their own, started by the launcher's code on free ports so
 * that it never meets a platform already running on this machine.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSmokeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static PlatformSettings settings;
    private static Platform platform;
    private static List<Long> startedPids;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path root = Path.of(System.getProperty("glasslink.root", "../..")).toAbsolutePath().normalize();
        Path home = root.resolve("infra/launcher/target/smoke-platform");
        deleteTree(home);
        // generous: the suite shares 2 cores with other builds; start-up figures live in benchmarks.md
        settings = new PlatformSettings(root, home, PortPlan.allFree(), Duration.ofSeconds(600),
                PlatformSettings.DEFAULT_SERVICE_JVM_OPTIONS, PlatformSettings.DEFAULT_KAFKA_JVM_OPTIONS);
        platform = new Platform(settings, System.out);
        platform.start();
        startedPids = platform.pids().stream().filter(pid -> pid != ProcessHandle.current().pid()).toList();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceReportsLiveAndReadyOnItsHealthEndpoints() throws Exception {
        for (ServiceSpec spec : ServiceSpec.all(settings.ports())) {
            assertThat(get(spec.baseUrl() + "/actuator/health/liveness").statusCode()).as(spec.name() + " liveness").isEqualTo(200);
            HttpResponse<String> readiness = get(spec.baseUrl() + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).as(spec.name() + " readiness").isEqualTo(200);
            assertThat(readiness.body()).contains("\"UP\"");
            assertThat(get(spec.baseUrl() + "/actuator/prometheus").statusCode()).as(spec.name() + " metrics").isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void theLinkSimulatorForwardsToTheOnPremPortsTheLauncherGaveIt() throws Exception {
        HttpResponse<String> state = get("http://localhost:" + settings.ports().linkControl() + "/state");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains(Integer.toString(settings.ports().linkSupplyChain()))
                .contains("localhost:" + settings.ports().supplyChain());
    }

    @Test
    @Order(1)
    void anInternalClientReachesSupplyChainThroughTheGatewayAndTheLink() throws Exception {
        // booking-web's dev API key (gateway and booking-web defaults): gateway -> link -> supply-chain
        HttpResponse<String> makes = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + settings.ports().gateway() + "/onprem/supply-chain/api/v1/vehicles/makes"))
                .header("X-API-Key", "dev-booking-web-key").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(makes.statusCode()).as(makes.body()).isEqualTo(200);
        assertThat(makes.body()).startsWith("[").contains("Renault");
    }

    @Test
    @Order(1)
    void theWebUiAnswersThroughTheGateway() throws Exception {
        HttpResponse<String> page = get("http://localhost:" + settings.ports().gateway() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    @Order(1)
    void servicesGetTheirDatabaseKafkaAndS3FromTheLauncher() {
        ServiceSpec booking = ServiceSpec.all(settings.ports()).stream()
                .filter(s -> s.name().equals("booking-web-service")).findFirst().orElseThrow();
        Map<String, String> env = platform.serviceEnvironment(booking);
        assertThat(env).containsEntry("DB_URL", "jdbc:postgresql://localhost:" + settings.ports().postgres() + "/booking")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.ports().kafka())
                .containsEntry("PLANNING_URL", "http://localhost:" + settings.ports().linkPlanning());
    }

    @Test
    @Order(2)
    void stoppingEndsEveryProcessItStarted() throws InterruptedException {
        assertThat(startedPids).hasSizeGreaterThanOrEqualTo(8); // postgres, kafka, link simulator, five services
        platform.close();
        platform = null;
        assertThat(stillRunningAfter(Duration.ofSeconds(15))).as("processes still running after stop").isEmpty();
        assertThat(settings.ports().purposes().keySet()).allSatisfy(port ->
                assertThat(io.glasslink.launcher.process.Ports.isListening(port)).as("port " + port + " still open").isFalse());
    }

    /** Pids that still run (a zombie waiting for its parent does not count) once {@code patience} is over. */
    private static List<Long> stillRunningAfter(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Long> running;
        do {
            running = startedPids.stream().filter(PlatformSmokeIT::running).toList();
            Thread.sleep(200);
        } while (!running.isEmpty() && System.nanoTime() < deadline);
        return running;
    }

    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
