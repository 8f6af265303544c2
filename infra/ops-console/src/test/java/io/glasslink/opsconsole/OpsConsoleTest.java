package io.glasslink.opsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.glasslink.opsprobe.ActuatorProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console as ops use it, against a real Spring Boot service with the glasslink ops access on its actuator
 * (started in this JVM on a free port and registered as datahub-service through {@code DATAHUB_URL}); the ops
 * password is a fresh one, so nothing passes on the local defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsConsoleTest {

    private static final String OPS_USER = "ops";
    private static final String OPS_PASSWORD = UUID.randomUUID().toString();
    private static final String PROBE_LOGGER = ActuatorProbe.LOGGER;
    /** What the console's UI asks a service's endpoints for (plain application/json would read as Boot 1's format). */
    private static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json,"
            + "application/vnd.spring-boot.actuator.v2+json,application/vnd.spring-boot.actuator.v1+json,application/json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ActuatorProbe probe;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void registerTheProbeAsTheDatahub(DynamicPropertyRegistry registry) {
        probe = ActuatorProbe.start(OPS_USER, OPS_PASSWORD);
        registry.add("OPS_USERNAME", () -> OPS_USER);
        registry.add("OPS_PASSWORD", () -> OPS_PASSWORD);
        registry.add("DATAHUB_URL", probe::url);
    }

    @AfterAll
    static void stopTheProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    @Test
    void refusesAnyoneWithoutTheOpsCredentials() throws Exception {
        HttpResponse<String> api = send(get("/instances").header("Accept", "application/json"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        HttpResponse<String> ui = send(get("/").header("Accept", "text/html"));
        assertThat(ui.statusCode()).isEqualTo(302);
        assertThat(ui.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));

        HttpResponse<String> wrongPassword = send(get("/instances").header("Accept", "application/json")
                .header("Authorization", basic(OPS_USER, "dev-ops-password")));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        HttpResponse<String> proxied = send(get("/instances/any/actuator/env").header("Accept", "application/json"));
        assertThat(proxied.statusCode()).isEqualTo(401);
    }

    @Test
    void servesItsLoginPageAssetsAndHealthToAnyone() throws Exception {
        HttpResponse<String> login = send(get("/login").header("Accept", "text/html"));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("glasslink ops console");
        assertThat(send(get("/assets/img/favicon.png")).statusCode()).isEqualTo(200);
        assertThat(send(get("/actuator/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void registersEveryServiceFromItsStaticListWithoutShowingThePassword() throws Exception {
        JsonNode instances = instances();
        Map<String, String> urls = new HashMap<>();
        instances.forEach(i -> urls.put(i.at("/registration/name").asString(), i.at("/registration/serviceUrl").asString()));
        assertThat(urls).containsOnly(
                Map.entry("gateway-service", "http://localhost:8080"),
                Map.entry("booking-web-service", "http://localhost:8081"),
                Map.entry("supply-chain-service", "http://localhost:8082"),
                Map.entry("planning-service", "http://localhost:8083"),
                Map.entry("datahub-service", probe.url()),
                Map.entry("link-simulator", "http://localhost:8474"));
        assertThat(instances.toString()).doesNotContain(OPS_PASSWORD);
        instances.forEach(i -> assertThat(i.at("/registration/managementUrl").asString())
                .isEqualTo(i.at("/registration/serviceUrl").asString() + "/actuator"));
    }

    @Test
    void readsAServicesHealthDetailsAndEndpointsWithTheOpsCredentials() {
        JsonNode datahub = readDatahub();
        assertThat(datahub.at("/statusInfo/status").asString()).isEqualTo("UP");
        // health components (SBA lists them under details) are shown to the ops role only: seeing them proves the
        // credentials were sent
        assertThat(datahub.at("/statusInfo/details").has("diskSpace")).as(datahub.toString()).isTrue();
        // the endpoint index (/actuator) is for the ops role too
        assertThat(endpoints(datahub)).contains("health", "metrics", "loggers", "env", "threaddump");
    }

    @Test
    void readsMetricsEnvironmentAndThreadDumpOfAServiceThroughTheConsole() throws Exception {
        String id = registeredDatahubId();
        for (String endpoint : new String[] {"metrics", "env", "threaddump"}) {
            HttpResponse<String> answer = send(get("/instances/" + id + "/actuator/" + endpoint)
                    .header("Accept", ACTUATOR_JSON).header("Authorization", basic(OPS_USER, OPS_PASSWORD)));
            assertThat(answer.statusCode()).as(endpoint + ": " + answer.body()).isEqualTo(200);
        }
        HttpResponse<String> env = send(get("/instances/" + id + "/actuator/env/spring.application.name")
                .header("Accept", ACTUATOR_JSON).header("Authorization", basic(OPS_USER, OPS_PASSWORD)));
        // values are shown to the ops role only (show-values: when-authorized)
        assertThat(JSON.readTree(env.body()).at("/property/value").asString()).isEqualTo("actuator-probe");
    }

    @Test
    void changesAServicesLoggerLevelLiveThroughTheConsoleWithTheCsrfToken() throws Exception {
        String id = registeredDatahubId();
        String changeLevel = "/instances/" + id + "/actuator/loggers/" + PROBE_LOGGER;
        String debug = "{\"configuredLevel\":\"DEBUG\"}";

        HttpResponse<String> withoutToken = send(post(changeLevel, debug)
                .header("Authorization", basic(OPS_USER, OPS_PASSWORD)));
        assertThat(withoutToken.statusCode()).as(withoutToken.body()).isEqualTo(403);
        assertThat(probeLoggerLevel()).isNotEqualTo("DEBUG");

        // the UI's way: the token from the XSRF-TOKEN cookie, sent back in X-XSRF-TOKEN
        HttpResponse<String> page = send(get("/sba-settings.js").header("Authorization", basic(OPS_USER, OPS_PASSWORD)));
        String token = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> changed = send(post(changeLevel, debug)
                .header("Authorization", basic(OPS_USER, OPS_PASSWORD))
                .header("Cookie", "XSRF-TOKEN=" + token).header("X-XSRF-TOKEN", token));
        assertThat(changed.statusCode()).isEqualTo(204);
        assertThat(probeLoggerLevel()).isEqualTo("DEBUG");
    }

    private String probeLoggerLevel() throws IOException, InterruptedException {
        HttpResponse<String> level = HTTP.send(HttpRequest.newBuilder(URI.create(probe.url() + "/actuator/loggers/" + PROBE_LOGGER))
                .header("Authorization", basic(OPS_USER, OPS_PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(level.statusCode()).isEqualTo(200);
        return JSON.readTree(level.body()).path("configuredLevel").asString();
    }

    private String registeredDatahubId() {
        return readDatahub().get("id").asString();
    }

    /** The probe's registration once the console has read its health and its endpoint index. */
    private JsonNode readDatahub() {
        return await().atMost(Duration.ofSeconds(30)).until(this::datahub,
                d -> d.filter(i -> "UP".equals(i.at("/statusInfo/status").asString())
                        && endpoints(i).contains("loggers")).isPresent()).orElseThrow();
    }

    private static List<String> endpoints(JsonNode instance) {
        return StreamSupport.stream(instance.at("/endpoints").spliterator(), false).map(e -> e.get("id").asString()).toList();
    }

    private Optional<JsonNode> datahub() throws IOException, InterruptedException {
        return StreamSupport.stream(instances().spliterator(), false)
                .filter(i -> "datahub-service".equals(i.at("/registration/name").asString())).findFirst();
    }

    private JsonNode instances() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(get("/instances").header("Accept", "application/json")
                .header("Authorization", basic(OPS_USER, OPS_PASSWORD)));
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", ACTUATOR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
