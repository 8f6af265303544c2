package io.glasslink.booking.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.glasslink.testsupport.ProblemChecks;
import tools.jackson.databind.JsonNode;

/** HTTP exactly as a client sends it (any bytes, any header), for the edge tests. */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    public RawHttp(String base) {
        this.base = base;
    }

    /** An answer as received. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** The answer checked as a problem (docs/contracts.md "Errors"). */
        public JsonNode problem() {
            return ProblemChecks.check(status, header("content-type"), body);
        }

        /** The answer checked as a problem naming {@code field} among its errors. */
        public JsonNode problem(String field) {
            return ProblemChecks.checkFieldError(status, header("content-type"), body, field);
        }
    }

    /** Sends {@code method path} with {@code body} (null: none) and the headers given as name, value, name, value... */
    public Answer send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Sends a prepared request. */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> received = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> received.put(k.toLowerCase(), String.join(", ", v)));
            return new Answer(response.statusCode(), received, new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST from a partner, with a fresh identity token. */
    public Answer postJson(String path, String partner, String idempotencyKey, String json) {
        return idempotencyKey == null
                ? send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                        "X-Glasslink-Identity", TestIdentity.partner(partner))
                : send("POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
                        "X-Glasslink-Identity", TestIdentity.partner(partner), "Idempotency-Key", idempotencyKey);
    }
}
