package io.glasslink.launcher.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.glasslink.launcher.supervisor.Supervisor;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running launcher's control API, on loopback only and behind a random token that only the
 * platform's user can read ({@code <home>/run/control.properties}):
 * <ul>
 * <li>{@code GET /processes}, {@code GET /processes/{name}}: state, pid, crashes, restarts, last exit;</li>
 * <li>{@code POST /processes/{name}/restart}: SIGTERM (SIGKILL after 20 s), then a new process;</li>
 * <li>{@code POST /processes/{name}/stop[?kill=true]}: down until started (SIGKILL with {@code kill});</li>
 * <li>{@code POST /processes/{name}/start};</li>
 * <li>{@code GET /events?after=<seq>}: exits, restarts, readiness, stops, oldest first.</li>
 * </ul>
 * Errors are {@code application/problem+json}.
 */
public final class ControlServer implements AutoCloseable {

    /** The header that carries the token. */
    public static final String TOKEN_HEADER = "X-Glasslink-Control";
    private static final String PROBLEMS = "https://glasslink.io/problems/";

    private final Supervisor supervisor;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final ObjectMapper json = JsonMapper.builder().build();

    private ControlServer(Supervisor supervisor, HttpServer server, ExecutorService executor, String token) {
        this.supervisor = supervisor;
        this.server = server;
        this.executor = executor;
        this.token = token;
    }

    /** Serves on a free loopback port. */
    public static ControlServer start(Supervisor supervisor) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // a restart holds its request for up to the stop bound: several threads keep status answering meanwhile
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "glasslink-control");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        ControlServer control = new ControlServer(supervisor, server, executor, token);
        server.createContext("/", control::handle);
        server.start();
        return control;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!authorised(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                problem(exchange, 401, "unauthenticated", "Unauthenticated", "the " + TOKEN_HEADER + " header is missing or wrong");
                return;
            }
            String[] parts = path.replaceAll("^/+|/+$", "").split("/");
            String method = exchange.getRequestMethod();
            try {
                if (parts.length == 1 && parts[0].equals("processes")) {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, supervisor.status());
                    }
                } else if (parts.length == 1 && parts[0].equals("events")) {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, supervisor.events(after(exchange.getRequestURI())));
                    }
                } else if (parts.length == 2 && parts[0].equals("processes")) {
                    if (requireMethod(exchange, method, "GET")) {
                        var status = supervisor.status(parts[1]);
                        if (status.isPresent()) {
                            send(exchange, 200, status.get());
                        } else {
                            problem(exchange, 404, "not-found", "Not Found", "no process named '" + parts[1] + "'");
                        }
                    }
                } else if (parts.length == 3 && parts[0].equals("processes")) {
                    if (requireMethod(exchange, method, "POST")) {
                        switch (parts[2]) {
                            case "restart" -> send(exchange, 200, supervisor.restart(parts[1]));
                            case "stop" -> send(exchange, 200, supervisor.stop(parts[1],
                                    "kill=true".equals(exchange.getRequestURI().getQuery())));
                            case "start" -> send(exchange, 200, supervisor.start(parts[1]));
                            default -> problem(exchange, 404, "not-found", "Not Found", "no such action: " + parts[2]);
                        }
                    }
                } else {
                    problem(exchange, 404, "not-found", "Not Found", "no such resource: " + path);
                }
            } catch (IllegalArgumentException e) {
                problem(exchange, 404, "not-found", "Not Found", e.getMessage());
            } catch (IllegalStateException e) {
                problem(exchange, 503, "unavailable", "Service Unavailable", e.getMessage());
            } catch (RuntimeException e) {
                problem(exchange, 500, "server-error", "Internal Server Error", String.valueOf(e.getMessage()));
            }
        }
    }

    private boolean authorised(String offered) {
        return offered != null && MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private boolean requireMethod(HttpExchange exchange, String method, String allowed) throws IOException {
        if (method.equals(allowed)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, 405, "method-not-allowed", "Method Not Allowed", method + " is not supported here");
        return false;
    }

    private static long after(URI uri) {
        String q = uri.getQuery();
        if (q != null && q.startsWith("after=")) {
            try {
                return Long.parseLong(q.substring("after=".length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private void problem(HttpExchange exchange, int status, String slug, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", PROBLEMS + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", exchange.getRequestURI().getPath());
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "5");
        }
        write(exchange, status, "application/problem+json", json.writeValueAsBytes(body));
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json", json.writeValueAsBytes(body));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
