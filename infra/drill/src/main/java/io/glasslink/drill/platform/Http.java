package io.glasslink.drill.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The drill's own HTTP calls (control APIs, probes): JDK client, JSON through Jackson. */
public final class Http {

    public static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    /** An answer: status (-1 when nothing answered), body, headers and when it came. */
    public record Answer(int status, String body, Map<String, java.util.List<String>> headers, String error) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        }
    }

    public static Answer send(String method, String url, Map<String, String> headers, String json, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().map(), null);
        } catch (IOException e) {
            return new Answer(-1, null, Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, Map.of(), "interrupted");
        }
    }
}
