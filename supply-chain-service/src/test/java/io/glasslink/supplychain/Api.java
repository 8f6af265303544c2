package io.glasslink.supplychain;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests with a valid identity token, answers as JSON trees. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    /** A client of the service at {@code port}. */
    public Api(int port) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, MediaType contentType, JsonNode body, String location) {
        /** The body field at {@code path} (JSON pointer) as text. */
        public String text(String pointer) {
            return body.at(pointer).asString();
        }
    }

    /** GET {@code uri} with a valid token. */
    public Answer get(String uri) {
        return answer(http.get().uri(uri).header("X-Glasslink-Identity", TestIdentity.token()).retrieve()
                .toEntity(String.class));
    }

    /** GET {@code uri} with {@code token} (null: none). */
    public Answer getWithToken(String uri, String token) {
        var request = http.get().uri(uri);
        if (token != null) {
            request = request.header("X-Glasslink-Identity", token);
        }
        return answer(request.retrieve().toEntity(String.class));
    }

    /** POST {@code json} to {@code uri} with a valid token and optional idempotency key. */
    public Answer post(String uri, String json, String idempotencyKey) {
        var request = http.post().uri(uri).header("X-Glasslink-Identity", TestIdentity.token())
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return answer(request.body(json == null ? "" : json).retrieve().toEntity(String.class));
    }

    /** POST {@code json} to {@code uri} with a valid token. */
    public Answer post(String uri, String json) {
        return post(uri, json, null);
    }

    private static Answer answer(ResponseEntity<String> response) {
        String body = response.getBody();
        JsonNode tree = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType(), tree,
                response.getHeaders().getFirst("Location"));
    }
}
