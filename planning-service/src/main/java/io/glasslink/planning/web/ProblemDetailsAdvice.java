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
import org.springframework.dao.DataIntegrityViolationException;
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

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPES + type));
        p.setTitle(title);
        return p;
    }
}
