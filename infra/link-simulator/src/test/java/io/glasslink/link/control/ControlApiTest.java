package io.glasslink.link.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.glasslink.link.EchoServer;
import io.glasslink.link.LinkSimulator;
import io.glasslink.link.paths.PathId;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "link.bind-host=127.0.0.1", "link.links.supply-chain.listen-port=0", "link.links.planning.listen-port=0"})
@AutoConfigureWebTestClient
class ControlApiTest {

    private static final EchoServer UPSTREAM = startUpstream();

    @Autowired
    WebTestClient client;

    @Autowired
    LinkSimulator simulator;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("link.links.supply-chain.upstream", () -> "127.0.0.1:" + UPSTREAM.port());
        registry.add("link.links.planning.upstream", () -> "127.0.0.1:" + UPSTREAM.port());
    }

    @AfterEach
    void restore() {
        client.post().uri("/restore").exchange().expectStatus().isOk();
    }

    @AfterAll
    static void stopUpstream() throws IOException {
        UPSTREAM.close();
    }

    @Test
    void stateShowsTheLinksThePathsAndTheDxProfileByDefault() {
        client.get().uri("/state").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.profile").isEqualTo("dx")
                .jsonPath("$.activePath").isEqualTo("direct-connect")
                .jsonPath("$.links.length()").isEqualTo(2)
                .jsonPath("$.links[?(@.name == 'planning')].upstream").isEqualTo("127.0.0.1:" + UPSTREAM.port())
                .jsonPath("$.paths.direct-connect.directions.to-onprem.latencyMs").isEqualTo(1.0)
                .jsonPath("$.paths.direct-connect.directions.to-onprem.jitterMs").isEqualTo(0.3)
                .jsonPath("$.paths.direct-connect.directions.to-cloud.bandwidthMbps").isEqualTo(1000.0)
                .jsonPath("$.paths.vpn.directions.to-cloud.latencyMs").isEqualTo(15.0)
                .jsonPath("$.paths.vpn.directions.to-cloud.bandwidthMbps").isEqualTo(1250.0)
                .jsonPath("$.paths.vpn.up").isEqualTo(true);
    }

    @Test
    void patchChangesOnlyTheGivenSettingsOfTheGivenDirections() {
        client.patch().uri("/paths/vpn/directions/both").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"latencyMs\": 40, \"bandwidthMbps\": 100}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths.vpn.directions.to-onprem.latencyMs").isEqualTo(40.0)
                .jsonPath("$.paths.vpn.directions.to-cloud.latencyMs").isEqualTo(40.0)
                .jsonPath("$.paths.vpn.directions.to-cloud.bandwidthMbps").isEqualTo(100.0)
                .jsonPath("$.paths.vpn.directions.to-cloud.jitterMs").isEqualTo(5.0);
        client.patch().uri("/paths/direct-connect/directions/to-cloud").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"slowCloseMs\": 50, \"limitDataBytes\": 1000}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths.direct-connect.directions.to-cloud.limitDataBytes").isEqualTo(1000)
                .jsonPath("$.paths.direct-connect.directions.to-onprem.limitDataBytes").isEqualTo(0);
    }

    @Test
    void invalidValuesAreRejectedWith400ProblemJson() {
        for (String body : new String[] {"{\"latencyMs\": -1}", "{\"jitterMs\": \"abc\"}", "{}", "{\"latencyMs\": 1",
                "{\"limitDataBytes\": -5}"}) {
            client.patch().uri("/paths/direct-connect/directions/to-onprem").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(400);
        }
        client.put().uri("/paths/vpn/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\": \"blackhole\", \"direction\": \"up\"}").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.put().uri("/paths/vpn/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\": \"sometimes\"}").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("refuse"));
        client.get().uri("/state").exchange().expectBody()
                .jsonPath("$.paths.direct-connect.directions.to-onprem.latencyMs").isEqualTo(1.0);
    }

    @Test
    void unknownPathsDirectionsAndProfilesAre404ProblemJson() {
        client.put().uri("/paths/dx/outage").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"mode\":\"refuse\"}")
                .exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.patch().uri("/paths/vpn/directions/sideways").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"latencyMs\": 1}").exchange().expectStatus().isNotFound();
        client.post().uri("/profiles/nonexistent").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("dx"));
    }

    @Test
    void cuttingDirectConnectFailsOverAndRestoreFailsBack() throws Exception {
        client.put().uri("/paths/direct-connect/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"blackhole\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths.direct-connect.outage").isEqualTo("BLACKHOLE");
        awaitActive(PathId.VPN);
        client.get().uri("/state").exchange().expectBody()
                .jsonPath("$.activePath").isEqualTo("vpn")
                .jsonPath("$.paths.direct-connect.up").isEqualTo(false);
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("link_path_active{application=\"link-simulator\",path=\"vpn\"} 1.0")
                        .containsPattern("link_failovers_total\\{[^}]*} [1-9]"));
        client.post().uri("/restore").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths.direct-connect.outage").isEqualTo("NONE");
        awaitActive(PathId.DIRECT_CONNECT);
    }

    @Test
    void aOneWayOutageShowsOnItsDirectionAndOnThePath() {
        client.put().uri("/paths/vpn/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"blackhole\",\"direction\":\"to-cloud\"}").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths.vpn.outage").isEqualTo("BLACKHOLE")
                .jsonPath("$.paths.vpn.directions.to-cloud.outage").isEqualTo("BLACKHOLE")
                .jsonPath("$.paths.vpn.directions.to-onprem.outage").isEqualTo("NONE");
        client.delete().uri("/paths/vpn/outage").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths.vpn.outage").isEqualTo("NONE");
    }

    @Test
    void profilesAreListedAndApplied() {
        client.get().uri("/profiles").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.applied").isEqualTo("dx")
                .jsonPath("$.available").value(a -> assertThat(a.toString()).contains("zero", "vpn-only", "degraded"));
        client.post().uri("/profiles/zero").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.profile").isEqualTo("zero")
                .jsonPath("$.paths.vpn.directions.to-onprem.latencyMs").isEqualTo(0.0);
    }

    @Test
    void resetConnectionsReportsHowManyConnectionsWereReset() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), simulator.listenPort("planning"))) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write('p');
            assertThat(socket.getInputStream().read()).isEqualTo('p');
            client.post().uri("/paths/direct-connect/reset-connections").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.reset").isEqualTo(1);
        }
    }

    @Test
    void stateAndPrometheusShowTheMeasuredRoundTripOfEachPathAndNoneForAPathInOutage() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get().uri("/state").exchange().expectBody()
                // measured in real time: never under the profile's delays, over them by however late this machine runs
                .jsonPath("$.paths.vpn.rttMs").value(ms -> assertRoundTripAtLeast(ms, 20.0)) // dx: 15 ± 5 ms each way
                .jsonPath("$.paths.direct-connect.rttMs").value(ms -> assertRoundTripAtLeast(ms, 1.4))); // 1 ± 0.3 ms
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("# HELP link_rtt_seconds Round trip of the link's probes over the path")
                        .containsPattern("link_rtt_seconds_count\\{application=\"link-simulator\",path=\"vpn\"} [1-9]")
                        .containsPattern("link_rtt_seconds_bucket\\{application=\"link-simulator\",path=\"direct-connect\",le=\"0\\.005\"}"));
        client.put().uri("/paths/vpn/outage").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"mode\":\"refuse\"}").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get().uri("/state").exchange().expectBody()
                .jsonPath("$.paths.vpn.rttMs").doesNotExist());
    }

    @Test
    void healthIsUp() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
    }

    private static void assertRoundTripAtLeast(Object ms, double atLeast) {
        assertThat(ms).as("a measured round trip").isInstanceOf(Number.class);
        assertThat(((Number) ms).doubleValue()).isGreaterThanOrEqualTo(atLeast);
    }

    private void awaitActive(PathId path) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (simulator.activePath() != path && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(simulator.activePath()).isEqualTo(path);
    }

    private static EchoServer startUpstream() {
        try {
            return new EchoServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
