package io.glasslink.launcher.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.glasslink.launcher.platform.RunState;
import io.glasslink.launcher.process.ManagedProcess;
import io.glasslink.launcher.supervisor.ProcessUnit;
import io.glasslink.launcher.supervisor.Supervisor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @TempDir
    Path dir;

    private ProcessUnit unit;
    private Supervisor supervisor;
    private ControlServer server;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        Path log = dir.resolve("planning-service.log");
        unit = new ProcessUnit("planning-service", log, () -> ManagedProcess.start("planning-service",
                List.of("sleep", "300"), Map.of(), dir, log, dir.resolve("planning-service.pid")), () -> true);
        unit.start();
        supervisor = new Supervisor(Supervisor.Policy.onFailure(5), Clock.systemUTC(), line -> { });
        supervisor.add(unit);
        supervisor.watch();
        server = ControlServer.start(supervisor);
        client = new ControlClient(new RunState.Control(server.port(), server.token()));
    }

    @AfterEach
    void stop() {
        server.close();
        supervisor.close();
        unit.kill();
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedAsAProblem() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/processes")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("\"type\":\"https://glasslink.io/problems/unauthenticated\"", "\"instance\":\"/processes\"");
    }

    @Test
    void statusListsEachProcessWithItsPidAndCounts() throws Exception {
        ControlClient.Answer answer = client.get("/processes");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get(0).path("name").asString()).isEqualTo("planning-service");
        assertThat(answer.body().get(0).path("pid").asLong()).isEqualTo(unit.pid().orElseThrow());
        assertThat(answer.body().get(0).path("restarts").asInt()).isZero();
        assertThat(answer.body().get(0).path("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+0[12]:00");
    }

    @Test
    void aRestartThroughTheApiReplacesTheProcess() throws Exception {
        long before = unit.pid().orElseThrow();

        ControlClient.Answer answer = client.post("/processes/planning-service/restart");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("pid").asLong()).isNotEqualTo(before).isEqualTo(unit.pid().orElseThrow());
        assertThat(answer.body().path("restarts").asInt()).isEqualTo(1);
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(client.get("/events").body().toString()).contains("restart requested", "restarted on request");
    }

    @Test
    void anUnknownProcessIsNotFound() throws Exception {
        ControlClient.Answer answer = client.post("/processes/nope/restart");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.detail()).contains("no process named 'nope'", "planning-service");
    }

    @Test
    void aStopThenAStartThroughTheApiKeepsTheProcessDownInBetween() throws Exception {
        ControlClient.Answer stopped = client.post("/processes/planning-service/stop?kill=true");
        assertThat(stopped.body().path("state").asString()).isEqualTo("STOPPED");
        assertThat(unit.isAlive()).isFalse();

        ControlClient.Answer started = client.post("/processes/planning-service/start");

        assertThat(started.body().path("state").asString()).isEqualTo("STARTING");
        assertThat(unit.isAlive()).isTrue();
    }
}
