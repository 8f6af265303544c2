package io.glasslink.gateway.problems;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An error the gateway answers itself (401, 403, 413, 415, 429, 503...), rendered as problem+json. */
public class GatewayProblem extends ErrorResponseException {

    /** Where every problem type lives (docs/contracts.md, "Problem types"). */
    public static final String TYPE_BASE = "https://glasslink.io/problems/";

    /**
     * Exchange attribute holding the path the caller asked for: a problem's {@code instance} even
     * when the answer comes from a forwarded fallback.
     */
    public static final String REQUEST_PATH_ATTR = GatewayProblem.class.getName() + ".requestPath";

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

    /** A problem of type {@code slug}. */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    /** The type URI of {@code slug}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /**
     * The slug docs/contracts.md lists for an error status the gateway or the framework raised
     * without naming a type (a 405 of the actuator, a 404 of no route...).
     */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "content-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 502 -> "upstream-unavailable";
            case 503 -> "unavailable";
            case 504 -> "upstream-timeout";
            default -> status >= 500 ? "server-error" : "invalid-request";
        };
    }
}
