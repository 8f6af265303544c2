package io.glasslink.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;
import io.glasslink.link.LinkState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The link's monitoring for the gateway under test: {@code GET /state} answers the embedded link simulator's own
 * state, in the JSON of the simulator's control API (the simulator's ControlApiTest holds that shape), as the
 * standalone simulator serves it on its control port.
 */
public final class LinkMonitoring {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;

    private LinkMonitoring(Supplier<LinkState> state) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/state", exchange -> {
            try (exchange) {
                byte[] body = JSON.writeValueAsString(state.get()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** Serves {@code state} on a port of its own. */
    public static LinkMonitoring serve(Supplier<LinkState> state) {
        try {
            return new LinkMonitoring(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of the control API. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
