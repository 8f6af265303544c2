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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The whole platform as deployed: real Kafka (own JVM), PostgreSQL, S3Proxy, the link simulator
 * and the five service jars in JVMs of their own, started by the launcher's code on free ports so
 * that it never meets a platform already running on this machine. Besides health, it runs the
 * platform's end-to-end flows: a partner booking through the gateway, the link and the real
 * on-prem services, landed in the lake; and bookings taken while the link is down.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformSmokeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

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
            // the gateway's port faces the internet: its metrics need the ops API key (dev key here)
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(spec.baseUrl() + "/actuator/prometheus"))
                    .header("X-API-Key", "dev-ops-key").timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(spec.name() + " metrics").isEqualTo(200);
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
    @Order(1)
    void aPartnerBookingCrossesGatewayLinkAndOnPremServicesAndItsEventsLandInTheLake() throws Exception {
        JsonNode search = searchSlots();
        String partNumber = search.path("partNumber").asString();
        JsonNode slot = search.path("slots").get(0);
        assertThat(slot).as("a slot from the live search").isNotNull();

        HttpResponse<String> booked = book("e2e-live-1", slot, partNumber);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode booking = JSON.readTree(booked.body());
        assertThat(booking.path("status").asString()).as(booked.body()).isEqualTo("CONFIRMED");

        // a replay with the same Idempotency-Key returns the same booking
        HttpResponse<String> replay = book("e2e-live-1", slot, partNumber);
        assertThat(JSON.readTree(replay.body()).path("reference").asString()).isEqualTo(booking.path("reference").asString());

        // every domain's events reach the lake through Kafka and the Data Hub (idle flush ≤ 30 s)
        List<String> expected = List.of("booking/BookingConfirmed.v1", "supplychain/PartHeld.v1", "planning/SlotHeld.v1");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        List<String> landed = List.of();
        while (System.nanoTime() < deadline) {
            landed = landedDatasets();
            if (landed.containsAll(expected)) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(landed).containsAll(expected);
    }

    @Test
    @Order(1)
    void bookingsTakenWhileTheLinkIsDownEndConfirmedOrExplicitlyFailedWhenItIsBack() throws Exception {
        JsonNode search = searchSlots();
        String partNumber = search.path("partNumber").asString();
        JsonNode slots = search.path("slots");
        List<JsonNode> chosen = new java.util.ArrayList<>();
        java.util.Set<String> centres = new java.util.HashSet<>();
        for (JsonNode s : slots) {
            if (centres.add(s.path("centreId").asString()) && chosen.size() < 3) {
                chosen.add(s);
            }
        }
        assertThat(chosen).isNotEmpty();
        List<String> references = new java.util.ArrayList<>();
        try {
            link("PUT", "/paths/direct-connect/outage", "{\"mode\":\"blackhole\"}");
            link("PUT", "/paths/vpn/outage", "{\"mode\":\"blackhole\"}");
            for (int i = 0; i < chosen.size(); i++) {
                HttpResponse<String> r = book("e2e-outage-" + i, chosen.get(i), partNumber);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                JsonNode b = JSON.readTree(r.body());
                // accepted, not decided: PENDING (link known down) or REQUESTED (saga still trying)
                assertThat(b.path("status").asString()).as(r.body()).isIn("PENDING", "REQUESTED");
                references.add(b.path("reference").asString());
            }
        } finally {
            link("DELETE", "/paths/direct-connect/outage", null);
            link("DELETE", "/paths/vpn/outage", null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Map<String, String> status = new java.util.HashMap<>();
        while (System.nanoTime() < deadline) {
            for (String ref : references) {
                status.put(ref, JSON.readTree(partner("GET", "/api/v1/bookings/" + ref, null, null).body())
                        .path("status").asString());
            }
            if (status.values().stream().allMatch(v -> v.equals("CONFIRMED") || v.equals("FAILED"))) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(status).hasSize(references.size());
        assertThat(status.values()).as("no booking lost or left pending: " + status).allMatch(s -> s.equals("CONFIRMED") || s.equals("FAILED"));
        assertThat(status.values()).as("slots on distinct centres are still free: " + status).contains("CONFIRMED");
    }

    private static JsonNode searchSlots() throws Exception {
        // a Renault Clio 2021 windscreen with ADAS camera (supply-chain's seeded catalogue), near Paris
        HttpResponse<String> parts = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + settings.ports().gateway()
                        + "/onprem/supply-chain/api/v1/parts?make=Renault&model=Clio&year=2021&glassType=WINDSCREEN"))
                .header("X-API-Key", "dev-booking-web-key").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(parts.statusCode()).as(parts.body()).isEqualTo(200);
        String partNumber = JSON.readTree(parts.body()).get(0).path("partNumber").asString();
        HttpResponse<String> found = partner("POST", "/api/v1/availability/search", null,
                "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,\"partNumber\":\"" + partNumber
                        + "\",\"postcode\":\"75011\",\"mode\":\"CENTRE\"}");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(found.body());
        assertThat(result.path("provisional").asBoolean()).isFalse();
        ((tools.jackson.databind.node.ObjectNode) result).put("partNumber", partNumber);
        return result;
    }

    private static HttpResponse<String> book(String idempotencyKey, JsonNode slot, String partNumber) throws Exception {
        return partner("POST", "/api/v1/bookings", idempotencyKey, "{\"jobType\":\"WINDSCREEN_REPLACEMENT\",\"calibration\":false,"
                + "\"partNumber\":\"" + partNumber + "\",\"centreId\":\"" + slot.path("centreId").asString()
                + "\",\"mode\":\"CENTRE\",\"start\":\"" + slot.path("start").asString() + "\","
                + "\"vehicle\":{\"make\":\"Renault\",\"model\":\"Clio\",\"year\":2021,\"plate\":\"AB-123-CD\"},"
                + "\"customer\":{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"phone\":\"+33 6 01 02 03 04\",\"consent\":true}}");
    }

    private static HttpResponse<String> partner(String method, String path, String idempotencyKey, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + settings.ports().gateway() + path))
                .header("X-API-Key", "dev-partner-key-1").timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void link(String method, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + settings.ports().linkControl() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    }

    private static List<String> landedDatasets() throws Exception {
        HttpResponse<String> r = get("http://localhost:" + settings.ports().datahub() + "/api/v1/lake/datasets");
        if (r.statusCode() != 200) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode d : JSON.readTree(r.body())) {
            names.add(d.path("domain").asString() + "/" + d.path("eventType").asString());
        }
        return names;
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
