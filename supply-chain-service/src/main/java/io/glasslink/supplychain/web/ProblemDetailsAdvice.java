package io.glasslink.supplychain.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.glasslink.supplychain.availability.PartUnavailableException;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.holds.HoldNotActiveException;
import io.glasslink.supplychain.holds.HoldNotFoundException;
import io.glasslink.supplychain.holds.IdempotencyKeyReusedException;
import io.glasslink.supplychain.holds.InsufficientStockException;
import io.glasslink.supplychain.network.Postcode.MalformedPostcodeException;
import io.glasslink.supplychain.network.PostcodeNotServedException;
import io.glasslink.supplychain.network.UnknownCentreException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 {@code application/problem+json}: Spring MVC's own (bad JSON,
 * wrong types, validation, 404, 405, 415) and the domain's (unknown part → 404, or 422 when named
 * in a request body; no stock → 409; reused idempotency key → 422).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** Prefix of every problem {@code type} URI. */
    static final String TYPE_BASE = "https://glasslink.io/problems/";

    @ExceptionHandler({UnknownPartException.class, UnknownCentreException.class})
    ProblemDetail unknownReference(RuntimeException e, HttpServletRequest request) {
        boolean inBody = "POST".equals(request.getMethod());
        return problem(inBody ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.NOT_FOUND,
                e instanceof UnknownPartException ? "unknown-part" : "unknown-centre", e.getMessage(), request);
    }

    @ExceptionHandler(HoldNotFoundException.class)
    ProblemDetail holdNotFound(HoldNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "unknown-hold", e.getMessage(), request);
    }

    @ExceptionHandler(MalformedPostcodeException.class)
    ProblemDetail malformedPostcode(MalformedPostcodeException e, HttpServletRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "malformed-postcode", e.getMessage(), request);
        p.setProperty("errors", List.of(Map.of("field", "postcode", "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(PostcodeNotServedException.class)
    ProblemDetail notServed(PostcodeNotServedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "postcode-not-served", e.getMessage(), request);
    }

    @ExceptionHandler({InsufficientStockException.class, PartUnavailableException.class})
    ProblemDetail noStock(RuntimeException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "insufficient-stock", e.getMessage(), request);
    }

    @ExceptionHandler(HoldNotActiveException.class)
    ProblemDetail holdNotActive(HoldNotActiveException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "hold-not-active", e.getMessage(), request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage(), request);
    }

    // the CHECK constraint caught what the conditional update should have: still a conflict, not a 500
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", "the change conflicts with the current stock", request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", "the request is invalid", request);
        p.setProperty("errors", e.problems().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, validation(ex.getBody(), ex.getBindingResult().getFieldErrors().stream()
                .map(f -> error(f.getField(), f)).toList()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, validation(ex.getBody(), ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> error(fieldName(r.getMethodParameter().getParameterName(), err), err)))
                .toList()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail validation(ProblemDetail body, List<Map<String, String>> errors) {
        body.setType(URI.create(TYPE_BASE + "validation"));
        body.setDetail("the request is invalid");
        body.setProperty("errors", errors);
        return body;
    }

    private static Map<String, String> error(String field, MessageSourceResolvable error) {
        return Map.of("field", field, "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String fieldName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError f ? f.getField() : String.valueOf(parameter);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(TYPE_BASE + type));
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }
}
