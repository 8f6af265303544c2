package io.glasslink.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zipkin's span intake ({@code POST /api/v2/spans}, JSON v2) for the gateway under test: the gateway's own Zipkin
 * exporter sends its spans here, so a test reads what a Zipkin would store.
 */
public final class Zipkin {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<JsonNode> spans = new CopyOnWriteArrayList<>();

    private Zipkin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v2/spans", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                JsonNode received = JSON.readTree(gzip ? new GZIPInputStream(body) : body);
                received.forEach(spans::add);
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
    }

    /** Starts an intake on a port of its own. */
    public static Zipkin start() {
        try {
            return new Zipkin();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint to export to ({@code ZIPKIN_ENDPOINT}). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    /** The spans received of one trace. */
    public List<JsonNode> trace(String traceId) {
        return spans.stream().filter(s -> traceId.equals(s.path("traceId").asString())).toList();
    }

    /** The spans of one trace of the given kind ({@code SERVER}, {@code CLIENT}), in the order they arrived. */
    public List<JsonNode> trace(String traceId, String kind) {
        return trace(traceId).stream().filter(s -> kind.equals(s.path("kind").asString())).toList();
    }

    /** A span's tag, null when it has none. */
    public static String tag(JsonNode span, String key) {
        JsonNode tag = span.path("tags").get(key);
        return tag == null ? null : tag.asString();
    }
}
