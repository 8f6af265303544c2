package io.glasslink.datahub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Raw HTTP calls to the running hub: the request line is sent as written (encoded characters included). */
public final class TestHttp {

    /** The ops credentials of hub-test.properties' defaults (application.yml). */
    public static final String OPS = "Basic " + Base64.getEncoder().encodeToString("ops:dev-ops-password".getBytes(StandardCharsets.UTF_8));

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestHttp() {
    }

    /** One answer: status, Content-Type and body. */
    public record Answer(int status, String contentType, String body, HttpResponse<String> response) {

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** Sends {@code method path} (with optional header pairs) to the hub on {@code port}. */
    public static Answer send(int port, String method, String path, String... headers) {
        return sendJson(port, method, path, null, headers);
    }

    /** Sends {@code method path} with a JSON {@code body} (none when null) and optional header pairs. */
    public static Answer sendJson(int port, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer get(int port, String path, String... headers) {
        return send(port, "GET", path, headers);
    }
}
