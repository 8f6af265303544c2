package io.glasslink.gateway.problems;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error the gateway answers itself (401, 403, 413, 429, 503...), rendered as problem+json. */
public class GatewayProblem extends ErrorResponseException {

    /** Creates a problem with a type URI of {@code https://glasslink.io/problems/<slug>}. */
    public GatewayProblem(HttpStatus status, String slug, String title, String detail, HttpHeaders headers) {
        super(status, problem(status, slug, title, detail), null);
        if (headers != null) {
            getHeaders().addAll(headers);
        }
    }

    /** Same as {@link #GatewayProblem(HttpStatus, String, String, String, HttpHeaders)} without extra headers. */
    public GatewayProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://glasslink.io/problems/" + slug));
        problem.setTitle(title);
        return problem;
    }
}
