package io.glasslink.supplychain.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.glasslink.supplychain.FieldProblem;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with the types of docs/contracts.md ("Problem types"). */
final class Problems {

    /** Prefix of every problem {@code type} URI. */
    static final String TYPE_BASE = "https://glasslink.io/problems/";

    private Problems() {
    }

    /** A problem of type {@code slug} for the request path {@code instance}. */
    static ProblemDetail of(HttpStatusCode status, String slug, String detail, String instance) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + slug));
        p.setInstance(URI.create(instance));
        return p;
    }

    /** The same, naming the broken fields in {@code errors[]}. */
    static ProblemDetail of(HttpStatusCode status, String slug, String detail, String instance, List<FieldProblem> errors) {
        ProblemDetail p = of(status, slug, detail, instance);
        withErrors(p, errors);
        return p;
    }

    /** Adds {@code errors[]} (left out when empty). */
    static void withErrors(ProblemDetail p, List<FieldProblem> errors) {
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
    }

    /** The listed type of a status that has no more precise one. */
    static String slugFor(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "content-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "rate-limited";
            case 431 -> "headers-too-large";
            case 502 -> "upstream-unavailable";
            case 503 -> "unavailable";
            case 504 -> "upstream-timeout";
            default -> status >= 500 ? "server-error" : "invalid-request";
        };
    }
}
