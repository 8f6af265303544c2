package io.glasslink.booking.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem types of docs/contracts.md ("Problem types") this service answers, the one factory of its
 * {@link ProblemDetail}s, and the one way to write a problem from outside Spring MVC (security entry points,
 * filters, the error page).
 */
public final class Problems {

    /** Prefix of every problem {@code type} URI. */
    public static final String TYPE_BASE = "https://glasslink.io/problems/";

    private Problems() {
    }

    /** A problem of type {@code slug} (the request path is filled in by {@link ProblemDetailsAdvice}). */
    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    /** The type URI of {@code slug}. */
    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** The general problem type of a status, for errors that have no more precise one. */
    public static String slugFor(int status) {
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

    /** The members of a problem, in the contract's order. */
    public static Map<String, Object> body(int status, String slug, String detail, String instance) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + slug);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    /** Writes a problem as the whole answer (for code that runs before or outside Spring MVC). */
    public static void write(HttpServletResponse response, JsonMapper json, HttpServletRequest request, int status,
                             String slug, String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(status, slug, detail, request.getRequestURI()));
    }
}
