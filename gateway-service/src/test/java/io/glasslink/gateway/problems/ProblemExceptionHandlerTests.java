package io.glasslink.gateway.problems;

import java.io.IOException;

import io.glasslink.testsupport.ProblemChecks;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** How the gateway renders what escapes its filters: a bug is a 500 that says nothing of itself. */
class ProblemExceptionHandlerTests {

    private final ProblemExceptionHandler handler = new ProblemExceptionHandler(JsonMapper.builder().build());

    @Test
    void aBugIsAServerErrorProblemThatRevealsNothingOfIt() {
        MockServerWebExchange exchange = exchange("/api/v1/bookings");
        handler.handle(exchange, new IllegalStateException("secret table name glasslink_internal")).block();
        JsonNode problem = check(exchange, 500);
        assertThat(problem.get("type").asString()).endsWith("/server-error");
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("glasslink_internal");
    }

    @Test
    void aFrameworkServerErrorKeepsItsStatusButNotItsMessage() {
        MockServerWebExchange exchange = exchange("/api/v1/bookings");
        handler.handle(exchange, new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "pool glasslink_internal")).block();
        check(exchange, 500);
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("glasslink_internal");
    }

    @Test
    void aConnectionThatBrokeOutsideABreakerIsABadGatewayProblem() {
        MockServerWebExchange exchange = exchange("/onprem/planning/api/v1/slots");
        handler.handle(exchange, new IOException("Connection reset by peer")).block();
        assertThat(check(exchange, 502).get("type").asString()).endsWith("/upstream-unavailable");
    }

    @Test
    void theInstanceIsThePathTheCallerAskedForEvenUnderAFallbackPath() {
        MockServerWebExchange exchange = exchange("/fallback/booking-web");
        exchange.getAttributes().put(GatewayProblem.REQUEST_PATH_ATTR, "/book/step-2");
        handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();
        assertThat(check(exchange, 404).get("instance").asString()).isEqualTo("/book/step-2");
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private static JsonNode check(MockServerWebExchange exchange, int status) {
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(status);
        return ProblemChecks.check(status, exchange.getResponse().getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                exchange.getResponse().getBodyAsString().block());
    }
}
