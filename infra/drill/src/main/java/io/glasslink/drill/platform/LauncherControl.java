package io.glasslink.drill.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** The running launcher's control API: processes, their state and pid, stop/start/restart, events. */
public final class LauncherControl {

    private final String base;
    private final Map<String, String> token;

    LauncherControl(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = Map.of("X-Glasslink-Control", token);
    }

    /** One process as the launcher sees it. */
    public record Process(String name, String state, Long pid, int crashes, int restarts) {

        public boolean ready() {
            return "READY".equals(state);
        }
    }

    /** Something the launcher saw happen to a process. */
    public record Event(long seq, OffsetDateTime at, String name, String kind, String text) {
    }

    public List<Process> processes() {
        Http.Answer a = call("GET", "/processes");
        List<Process> all = new ArrayList<>();
        for (JsonNode p : a.json()) {
            all.add(process(p));
        }
        return all;
    }

    public Process process(String name) {
        return process(call("GET", "/processes/" + name).json());
    }

    /** Stops a process and keeps it down: SIGKILL with {@code kill}, otherwise SIGTERM (SIGKILL after 20 s). */
    public Process stop(String name, boolean kill) {
        return process(call("POST", "/processes/" + name + "/stop" + (kill ? "?kill=true" : "")).json());
    }

    public Process start(String name) {
        return process(call("POST", "/processes/" + name + "/start").json());
    }

    public List<Event> events(long afterSeq) {
        List<Event> events = new ArrayList<>();
        for (JsonNode e : call("GET", "/events?after=" + afterSeq).json()) {
            events.add(new Event(e.path("seq").asLong(), OffsetDateTime.parse(e.path("at").asString()), e.path("name").asString(),
                    e.path("kind").asString(), e.path("text").asString()));
        }
        return events;
    }

    public long lastEventSeq() {
        List<Event> all = events(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    /** The first event of {@code name} of one of {@code kinds} after {@code afterSeq}. */
    public Optional<Event> firstEvent(long afterSeq, String name, String... kinds) {
        return events(afterSeq).stream().filter(e -> e.name().equals(name) && List.of(kinds).contains(e.kind())).findFirst();
    }

    private Http.Answer call(String method, String path) {
        Http.Answer a = Http.send(method, base + path, token, null, Duration.ofSeconds(120));
        if (!a.ok()) {
            throw new IllegalStateException("launcher control " + method + " " + path + " answered " + a.status() + ": "
                    + (a.error() != null ? a.error() : a.body()));
        }
        return a;
    }

    private static Process process(JsonNode p) {
        return new Process(p.path("name").asString(), p.path("state").asString(),
                p.path("pid").isNumber() ? p.path("pid").asLong() : null, p.path("crashes").asInt(), p.path("restarts").asInt());
    }
}
