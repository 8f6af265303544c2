package io.glasslink.supplychain;

import java.time.Clock;

import io.glasslink.testsupport.ProblemChecks;
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
    private final Clock clock;
    private final String base;

    /** A client of the service at {@code port}, whose tokens are issued by the service's {@code clock}. */
    public Api(int port, Clock clock) {
        this.base = "http://localhost:" + port;
        this.http = RestClient.builder().baseUrl(base)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
        this.clock = clock;
    }

    /** An answer: status, content type, body (raw and as JSON) and Location. */
    public record Answer(int status, MediaType contentType, JsonNode body, String location, String raw) {
        /** The body field at {@code path} (JSON pointer) as text. */
        public String text(String pointer) {
            return body.at(pointer).asString();
        }

        /** Checks the answer is a problem of docs/contracts.md's shape ({@link ProblemChecks}) and answers it. */
        public JsonNode problem(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected status " + expectedStatus + ", was " + status + ": " + raw);
            }
            return ProblemChecks.check(status, contentType == null ? null : contentType.toString(), raw);
        }

        /** The same, naming {@code field} in {@code errors[]}. */
        public JsonNode problem(int expectedStatus, String field) {
            problem(expectedStatus);
            return ProblemChecks.checkFieldError(status, contentType.toString(), raw, field);
        }
    }

    /** A valid identity token, now. */
    public String token() {
        return TestIdentity.token(clock);
    }

    /** GET {@code uri} with a valid token. */
    public Answer get(String uri) {
        return answer(http.get().uri(uri).header("X-Glasslink-Identity", token()).retrieve()
                .toEntity(String.class));
    }

    /** GET {@code encoded}, a path and query already percent-encoded and sent as they are, with a valid token. */
    public Answer getEncoded(String encoded) {
        return answer(http.get().uri(java.net.URI.create(base + encoded)).header("X-Glasslink-Identity", token())
                .retrieve().toEntity(String.class));
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
        var request = http.post().uri(uri).header("X-Glasslink-Identity", token())
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

    /** Any request, with the answer as an {@link Answer}: for methods, headers and bodies the helpers above do not cover. */
    public Answer exchange(java.util.function.Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        return answer(request.apply(http).retrieve().toEntity(String.class));
    }

    static Answer answer(ResponseEntity<String> response) {
        String body = response.getBody();
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            tree = JSON.nullNode();
        }
        return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType(), tree,
                response.getHeaders().getFirst("Location"), body);
    }
}
