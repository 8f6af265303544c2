package io.glasslink.planning.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.glasslink.planning.FieldProblem;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem types this service answers with (docs/contracts.md "Problem types") and the one factory of its
 * RFC 9457 {@link ProblemDetail}s.
 */
final class Problems {

    /** Prefix of every problem {@code type} URI. */
    static final String TYPE_BASE = "https://glasslink.io/problems/";

    private Problems() {
    }

    /** A problem of {@code type}, naming the fields at fault in {@code errors[]} (left out when there is none). */
    static ProblemDetail of(ProblemType type, String detail, List<FieldProblem> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        p.setType(URI.create(type.uri()));
        p.setTitle(type.title());
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        return p;
    }

    /** A problem of {@code type} with a detail only. */
    static ProblemDetail of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    /** Each {@code https://glasslink.io/problems/<slug>}, always answered with the same HTTP status. */
    enum ProblemType {
        INVALID_REQUEST("invalid-request", 400, "Invalid request"),
        UNAUTHENTICATED("unauthenticated", 401, "Unauthenticated"),
        FORBIDDEN("forbidden", 403, "Forbidden"),
        NOT_FOUND("not-found", 404, "Not found"),
        METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
        NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
        CONFLICT("conflict", 409, "Conflict"),
        INVALID_STATE("invalid-state", 409, "Invalid appointment state"),
        NOTICE_POLICY("notice-policy", 409, "Notice policy"),
        SLOT_UNAVAILABLE("slot-unavailable", 409, "Slot unavailable"),
        CONTENTION("contention", 409, "Concurrent change"),
        CONTENT_TOO_LARGE("content-too-large", 413, "Content too large"),
        UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
        UNPROCESSABLE("unprocessable", 422, "Unprocessable request"),
        NOT_SERVED("not-served", 422, "Not served"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused"),
        HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
        SERVER_ERROR("server-error", 500, "Server error"),
        UNAVAILABLE("unavailable", 503, "Unavailable");

        private final String slug;
        private final int status;
        private final String title;

        ProblemType(String slug, int status, String title) {
            this.slug = slug;
            this.status = status;
            this.title = title;
        }

        /** The last segment of the type URI. */
        String slug() {
            return slug;
        }

        /** The HTTP status this type is always answered with. */
        int status() {
            return status;
        }

        /** The problem's short, fixed title. */
        String title() {
            return title;
        }

        /** The type URI. */
        String uri() {
            return TYPE_BASE + slug;
        }

        /** The generic type of a status the framework answers (an unmapped route, a method, a media type, ...). */
        static ProblemType ofStatus(int status) {
            return switch (status) {
                case 401 -> UNAUTHENTICATED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 405 -> METHOD_NOT_ALLOWED;
                case 406 -> NOT_ACCEPTABLE;
                case 409 -> CONFLICT;
                case 413 -> CONTENT_TOO_LARGE;
                case 415 -> UNSUPPORTED_MEDIA_TYPE;
                case 422 -> UNPROCESSABLE;
                case 431 -> HEADERS_TOO_LARGE;
                case 503 -> UNAVAILABLE;
                default -> status >= 400 && status < 500 ? INVALID_REQUEST : SERVER_ERROR;
            };
        }
    }
}
