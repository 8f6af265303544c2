package io.glasslink.planning.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.glasslink.planning.InvalidRequestException;
import io.glasslink.planning.UnprocessableRequestException;
import io.glasslink.planning.appointments.AppointmentNotFoundException;
import io.glasslink.planning.appointments.AppointmentStateException;
import io.glasslink.planning.appointments.NoticePolicyViolationException;
import io.glasslink.planning.appointments.SlotUnavailableException;
import io.glasslink.planning.idempotency.IdempotencyKeyReusedException;
import io.glasslink.planning.workforce.UnknownTechnicianException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error into {@code application/problem+json} with the right status (RFC 9457). */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://glasslink.io/problems/";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        List<Map<String, String>> errors = e.problems().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList();
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    @ExceptionHandler(UnprocessableRequestException.class)
    ProblemDetail unprocessable(UnprocessableRequestException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "not-served", "Not served", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
    }

    @ExceptionHandler({AppointmentNotFoundException.class, UnknownTechnicianException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(SlotUnavailableException.class)
    ProblemDetail slotGone(SlotUnavailableException e) {
        return problem(HttpStatus.CONFLICT, "slot-unavailable", "Slot unavailable", e.getMessage());
    }

    @ExceptionHandler(AppointmentStateException.class)
    ProblemDetail state(AppointmentStateException e) {
        return problem(HttpStatus.CONFLICT, "invalid-state", "Invalid appointment state", e.getMessage());
    }

    @ExceptionHandler(NoticePolicyViolationException.class)
    ProblemDetail notice(NoticePolicyViolationException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "notice-policy", "Notice policy", e.getMessage());
        p.setProperty("policy", e.policy());
        return p;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", "the request conflicts with the stored planning");
    }

    /**
     * Two writes racing for the same technician's time can deadlock inside PostgreSQL's exclusion
     * check; PostgreSQL aborts one of them and nothing of it is written. The transaction is rerun a
     * few times first (TransientConflicts); only a loser every time gets here, and a retry is safe.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail contention(PessimisticLockingFailureException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "contention", "Concurrent change",
                "another request changed the same technician's time at the same moment; nothing was written, retry");
        p.setProperty("retryable", true);
        return p;
    }

    /** Framework-raised errors (unreadable body, wrong parameter type, ...) get a type and, where possible, a precise detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            p.setType(URI.create(TYPES + (statusCode.is4xxClientError() ? "invalid-request" : "server-error")));
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", unreadable(ex));
        return handleExceptionInternal(ex, p, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "invalid value '" + ex.getValue() + "' for " + name);
        p.setProperty("errors", List.of(Map.of("field", name, "message", "invalid value '" + ex.getValue() + "'")));
        return handleExceptionInternal(ex, p, headers, status, request);
    }

    private static String unreadable(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m) {
                String path = m.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> a + "." + b).orElse("body");
                return "invalid value for " + path + (m instanceof InvalidFormatException f ? ": '" + f.getValue() + "'" : "");
            }
        }
        return "the request body is not valid JSON for this operation";
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        return p;
    }
}
