package io.glasslink.supplychain.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.glasslink.supplychain.availability.PartUnavailableException;
import io.glasslink.supplychain.catalog.UnknownPartException;
import io.glasslink.supplychain.holds.HoldNotActiveException;
import io.glasslink.supplychain.holds.HoldNotFoundException;
import io.glasslink.supplychain.holds.IdempotencyKeyReusedException;
import io.glasslink.supplychain.holds.InsufficientStockException;
import io.glasslink.supplychain.network.Postcode.MalformedPostcodeException;
import io.glasslink.supplychain.network.PostcodeNotServedException;
import io.glasslink.supplychain.network.UnknownCentreException;
import io.glasslink.supplychain.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error raised in Spring MVC into RFC 9457 {@code application/problem+json} with a type
 * of docs/contracts.md ("Problem types"): Spring MVC's own (unreadable or invalid input, 404, 405,
 * 406, 415) and the domain's (unknown part or centre: 404 when asked about, 422 when named in a
 * request body; no stock: 409; a hold no longer live: 409; a reused idempotency key: 422).
 * Errors raised before Spring MVC are rendered alike by {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(UnknownPartException.class)
    ProblemDetail unknownPart(UnknownPartException e, HttpServletRequest request) {
        return unknownReference(e, "partNumber", request);
    }

    @ExceptionHandler(UnknownCentreException.class)
    ProblemDetail unknownCentre(UnknownCentreException e, HttpServletRequest request) {
        String field = request.getRequestURI().endsWith("/batch")
                ? "centreIds[" + Math.max(e.position(), 0) + "]" : "centreId";
        return unknownReference(e, field, request);
    }

    // what a request body names must exist (422); what a URL asks about may not (404)
    private static ProblemDetail unknownReference(RuntimeException e, String field, HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request.getRequestURI());
        }
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "the request names what does not exist",
                request.getRequestURI(), List.of(new FieldProblem(field, e.getMessage())));
    }

    @ExceptionHandler(HoldNotFoundException.class)
    ProblemDetail holdNotFound(HoldNotFoundException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(MalformedPostcodeException.class)
    ProblemDetail malformedPostcode(MalformedPostcodeException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid", request.getRequestURI(),
                List.of(new FieldProblem("postcode", e.getMessage())));
    }

    @ExceptionHandler(PostcodeNotServedException.class)
    ProblemDetail notServed(PostcodeNotServedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "not-served", e.getMessage(), request.getRequestURI(),
                List.of(new FieldProblem("postcode", e.getMessage())));
    }

    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail insufficientStock(InsufficientStockException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "insufficient-stock", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(PartUnavailableException.class)
    ProblemDetail partUnavailable(PartUnavailableException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "part-unavailable", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(HoldNotActiveException.class)
    ProblemDetail holdNotActive(HoldNotActiveException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "invalid-state", e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage(),
                request.getRequestURI());
    }

    // the CHECK constraint caught what the conditional update should have: still a conflict, not a 500
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "the change conflicts with the current stock",
                request.getRequestURI());
    }

    // the database cannot be reached or gave up on the statement: try again later
    @ExceptionHandler({CannotGetJdbcConnectionException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e, HttpServletRequest request) {
        log.warn("answering 503 to {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the service cannot answer now",
                        request.getRequestURI()));
    }

    // the firewall judges a header or parameter when it is first read, which may be in a controller
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "a header, a parameter or the URL holds characters that are not allowed", request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "an unexpected error occurred",
                request.getRequestURI());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), message(f))).toList(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldProblem(fieldName(r.getMethodParameter().getParameterName(), err), message(err))))
                .toList(), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.ContentTooLargeException tooLarge) {
                return handleExceptionInternal(ex, problem(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage(), request),
                        headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        List<FieldProblem> errors = new ArrayList<>(1);
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            errors.add(new FieldProblem(path(json), unreadable(json)));
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, errors.isEmpty()
                ? "the body is not a JSON document of the expected shape" : "the request is invalid", request);
        Problems.withErrors(body, errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String message = "must be " + expected(ex.getRequiredType());
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictJsonConfiguration.RefusedText refused) {
                message = refused.getMessage();
            }
        }
        return invalid(ex, List.of(new FieldProblem(String.valueOf(field), message)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return invalid(ex, List.of(new FieldProblem(missing.getHeaderName(), "is required")), headers, request);
        }
        if (ex instanceof UnsatisfiedServletRequestParameterException unsatisfied) {
            // e.g. [centreId, !postcode] or [postcode, !centreId]: name each parameter with the alternatives
            String alternatives = unsatisfied.getParamConditionGroups().stream()
                    .map(group -> String.join(" ", group).replace(" !", " without "))
                    .collect(Collectors.joining(", or "));
            return invalid(ex, unsatisfied.getParamConditionGroups().stream().flatMap(Arrays::stream)
                    .map(name -> name.replace("!", "")).distinct()
                    .map(name -> new FieldProblem(name, "give " + alternatives)).toList(), headers, request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.NOT_FOUND, "no such resource or route", request),
                headers, status, request);
    }

    /** Every problem Spring MVC builds gets a listed type and the request path. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse error) {
            body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(Problems.TYPE_BASE + Problems.slugFor(statusCode.value())));
            }
            if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
            }
            if (problem.getDetail() == null) {
                problem.setDetail(problem.getTitle());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "the request is invalid", request);
        // Bean Validation reports in no particular order: the same request gets the same answer
        Problems.withErrors(body, errors.stream().sorted(Comparator.comparing(FieldProblem::field)
                .thenComparing(FieldProblem::message)).toList());
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
        return Problems.of(status, Problems.slugFor(status.value()), detail, path);
    }

    private static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }

    private static String fieldName(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError f ? f.getField() : String.valueOf(parameter);
    }

    /** The JSON path of the offending value: {@code customer.name}, {@code centreIds[2]}. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String unreadable(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a property of this request";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return invalid.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "cannot be read: " + e.getOriginalMessage().replaceAll("[`\\n].*", "").trim();
    }

    /** What a JSON value of {@code type} looks like, in the words of the error message. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
