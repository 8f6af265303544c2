package io.glasslink.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.glasslink.testsupport.TestClock;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ForwardedHeaderUtils;

/**
 * A real HTTP server standing in for a downstream service. It has its own identity secret and
 * accepts a call only with a valid gateway identity token for its audience signed with it (401
 * otherwise, like the on-prem services), and offers
 * {@code /api/v1/echo}, {@code /api/v1/slow?ms=}, {@code /api/v1/status?code=} and
 * {@code /api/v1/flaky?failures=&key=&ageSeconds=} (the first calls per key answer 503, each moving the suite's
 * {@code TestClock} on by {@code ageSeconds} when given: a slow failed attempt) and
 * {@code /api/v1/stall?stalls=&ms=&key=} (the first calls per key send the status line and headers,
 * then nothing for {@code ms} before the body: an answer cut off mid-way by a dead link) and
 * {@code /api/v1/big?bytes=} (that many bytes of a repeating pattern, chunked, in 8 KB writes) and
 * {@code /api/v1/problem?code=&retryAfter=} (a problem+json answer of its own, as booking-web's
 * {@code back-office-unavailable}) and {@code /book/confirm} (a 303 to {@code /book/confirmation/GL-TEST}
 * built from the request URL after Spring's forwarded-header rules, as booking-web's
 * {@code ForwardedHeaderFilter} builds it) and {@code /v3/api-docs} (a small OpenAPI description
 * naming the service's own port as server).
 */
public final class Downstream implements AutoCloseable {

    /** One received request. */
    public record Received(String method, String path, Headers headers, int bodyBytes, JWTClaimsSet identity) {
    }

    private final HttpServer server;
    private final String audience;
    private final Clock clock;
    private final byte[] secret = new byte[32];
    private final MACVerifier verifier;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private Downstream(String audience, Clock clock) throws IOException, JOSEException {
        this.audience = audience;
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
        this.verifier = new MACVerifier(secret);
        // port 0: the port is the one bound, not one found free and possibly taken by another process before the bind
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a downstream that expects identity tokens for {@code audience}, judging their expiry by the suite's clock. */
    public static Downstream start(String audience) {
        return start(audience, TestClockConfiguration.CLOCK);
    }

    /** Starts a downstream that expects identity tokens for {@code audience}, judging their expiry by {@code clock}. */
    public static Downstream start(String audience, Clock clock) {
        try {
            return new Downstream(audience, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Its audience. */
    public String audience() {
        return audience;
    }

    /** Its identity secret, base64, for {@code glasslink.gateway.identity.secrets.<audience>}. */
    public String secret() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** Its base URL. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Its port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far. */
    public List<Received> received() {
        return received;
    }

    /** The last request received. */
    public Received last() {
        return received.get(received.size() - 1);
    }

    /** How many calls reached {@code path}. */
    public int callsTo(String path) {
        return (int) received.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Forgets what was received. */
    public void reset() {
        received.clear();
        calls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            int bodyBytes = in.readAllBytes().length;
            JWTClaimsSet identity = verify(exchange.getRequestHeaders().getFirst("X-Glasslink-Identity"));
            URI uri = exchange.getRequestURI();
            received.add(new Received(exchange.getRequestMethod(), uri.getPath(), exchange.getRequestHeaders(),
                    bodyBytes, identity));
            if (identity == null) {
                respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
                return;
            }
            Map<String, String> query = query(uri);
            switch (uri.getPath()) {
                case "/api/v1/slow" -> {
                    sleep(Long.parseLong(query.getOrDefault("ms", "0")));
                    respond(exchange, 200, "{\"slow\":true}");
                }
                case "/api/v1/status" -> respond(exchange, Integer.parseInt(query.get("code")), "{\"status\":true}");
                case "/api/v1/flaky" -> {
                    int call = calls.computeIfAbsent(query.get("key"), k -> new AtomicInteger()).incrementAndGet();
                    boolean fail = call <= Integer.parseInt(query.getOrDefault("failures", "1"));
                    if (fail && query.containsKey("ageSeconds") && clock instanceof TestClock testClock) {
                        // the failed attempt took that long: a token minted before it has aged as much
                        testClock.advance(Duration.ofSeconds(Long.parseLong(query.get("ageSeconds"))));
                    }
                    respond(exchange, fail ? 503 : 200, "{\"call\":" + call + "}");
                }
                case "/api/v1/big" -> {
                    int size = Integer.parseInt(query.get("bytes"));
                    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = new byte[8192];
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        int n = Math.min(chunk.length, size - sent);
                        for (int i = 0; i < n; i++) {
                            chunk[i] = (byte) ((sent + i) % 251);
                        }
                        exchange.getResponseBody().write(chunk, 0, n);
                        exchange.getResponseBody().flush();
                    }
                }
                case "/api/v1/stall" -> {
                    int call = calls.computeIfAbsent(query.get("key"), k -> new AtomicInteger()).incrementAndGet();
                    byte[] body = ("{\"call\":" + call + "}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().flush();
                    if (call <= Integer.parseInt(query.getOrDefault("stalls", "1"))) {
                        sleep(Long.parseLong(query.getOrDefault("ms", "5000")));
                    }
                    exchange.getResponseBody().write(body);
                }
                case "/api/v1/problem" -> {
                    int code = Integer.parseInt(query.get("code"));
                    if (query.containsKey("retryAfter")) {
                        exchange.getResponseHeaders().set("Retry-After", query.get("retryAfter"));
                    }
                    exchange.getResponseHeaders().set("X-Downstream", "booking-web");
                    respond(exchange, code, "application/problem+json", problemBody(code));
                }
                case "/book/confirm" -> {
                    exchange.getResponseHeaders().set("Location", asSeenByTheService(exchange)
                            .replacePath("/book/confirmation/GL-TEST").replaceQuery(null).build().toUriString());
                    exchange.sendResponseHeaders(303, -1);
                }
                case "/v3/api-docs" -> respond(exchange, 200, OPENAPI.replace("PORT", Integer.toString(port())));
                default -> respond(exchange, 200, "{\"path\":\"" + uri.getPath() + "\",\"bodyBytes\":" + bodyBytes + "}");
            }
        }
    }

    /** The problem+json body {@code /api/v1/problem} answers (what a test compares the gateway's relay with). */
    public static String problemBody(int code) {
        return "{\"type\":\"https://glasslink.io/problems/back-office-unavailable\",\"title\":\"Back office unavailable\","
                + "\"status\":" + code + ",\"detail\":\"The on-prem back office cannot be reached\","
                + "\"instance\":\"/api/v1/problem\",\"downstream\":\"booking-web\"}";
    }

    private static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"glasslink partner API\","
            + "\"version\":\"1\"},\"servers\":[{\"url\":\"http://127.0.0.1:PORT\"}],"
            + "\"paths\":{\"/api/v1/bookings\":{\"post\":{\"responses\":{\"201\":{\"description\":\"Booked\"}}}}}}";

    /** The request URL as a Spring service behind the gateway resolves it (Forwarded, then X-Forwarded-*). */
    private static org.springframework.web.util.UriComponentsBuilder asSeenByTheService(HttpExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        exchange.getRequestHeaders().forEach(headers::addAll);
        URI local = URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI());
        return ForwardedHeaderUtils.adaptFromForwardedHeaders(local, headers);
    }

    private JWTClaimsSet verify(String token) {
        if (token == null) {
            return null;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = jwt.verify(verifier) && "glasslink-gateway".equals(claims.getIssuer())
                    && claims.getAudience().contains(audience)
                    && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            return valid ? claims : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, "application/json", body);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new ConcurrentHashMap<>();
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
