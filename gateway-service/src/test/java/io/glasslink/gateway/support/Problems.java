package io.glasslink.gateway.support;

import io.glasslink.testsupport.ProblemChecks;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The shared {@link ProblemChecks} applied to an answer received through a {@link WebTestClient}. */
public final class Problems {

    private Problems() {
    }

    /**
     * Checks that {@code response} is a problem+json answer of {@code status} with a listed type and the headers its
     * status calls for ({@code Retry-After}, {@code Allow}), and returns it.
     */
    public static JsonNode expectProblem(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<String> result = response.expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult();
        // with the headers: a 503 or 429 must say when to retry, a 405 what is allowed
        return ProblemChecks.check(result.getStatus().value(), result.getResponseHeaders()::getFirst,
                result.getResponseBody());
    }

    /** Same as {@link #expectProblem(WebTestClient.ResponseSpec, int)}, also checking the type's slug. */
    public static JsonNode expectProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        JsonNode problem = expectProblem(response, status);
        String type = problem.get("type").asString();
        if (!type.equals(ProblemChecks.TYPE_BASE + slug)) {
            throw new AssertionError("expected type " + slug + ", was " + type);
        }
        return problem;
    }
}
