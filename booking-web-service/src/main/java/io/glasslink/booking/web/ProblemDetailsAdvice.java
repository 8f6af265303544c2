package io.glasslink.booking.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.glasslink.booking.FieldProblem;
import io.glasslink.booking.bookings.BookingBusyException;
import io.glasslink.booking.bookings.BookingRulesException;
import io.glasslink.booking.bookings.BookingStateException;
import io.glasslink.booking.bookings.IdempotencyKeyReusedException;
import io.glasslink.booking.bookings.NoticePolicyException;
import io.glasslink.booking.centres.Postcode.MalformedPostcodeException;
import io.glasslink.booking.centres.PostcodeNotServedException;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the service as RFC 9457 {@code application/problem+json} with a type from docs/contracts.md:
 * Spring MVC's own (400, 404, 405, 406, 415, ...), input-rule violations (400 {@code invalid-request} naming each
 * field), business refusals (409, 422) and the unexpected (500 {@code server-error}, saying nothing more).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String BODY = "body";

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            complete(problem, status.value(), request);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(),
                String.valueOf(e.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors().forEach(e -> problems.add(new FieldProblem(BODY,
                String.valueOf(e.getDefaultMessage()))));
        return invalid("the request has invalid fields", problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                // a @Valid body: its fields are named by their JSON path
                body.getFieldErrors().forEach(e -> problems.add(new FieldProblem(e.getField(),
                        String.valueOf(e.getDefaultMessage()))));
                body.getGlobalErrors().forEach(e -> problems.add(new FieldProblem(BODY,
                        String.valueOf(e.getDefaultMessage()))));
            } else {
                result.getResolvableErrors().forEach(e -> problems.add(new FieldProblem(
                        parameterName(result.getMethodParameter()), String.valueOf(e.getDefaultMessage()))));
            }
        }
        return invalid("the request has invalid fields", problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return invalid("the " + missing.getHeaderName() + " header is required",
                    List.of(new FieldProblem(missing.getHeaderName(), "is required")), request);
        }
        return super.handleServletRequestBindingException(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid("the " + ex.getParameterName() + " parameter is required",
                List.of(new FieldProblem(ex.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? parameterName(m.getParameter())
                : String.valueOf(ex.getPropertyName());
        String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        return invalid("the " + name + " parameter is invalid",
                List.of(new FieldProblem(name, "must be " + article(type))), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimitFilter.ContentTooLargeException tooLarge = cause(ex, RequestSizeLimitFilter.ContentTooLargeException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", tooLarge.getMessage(), request);
        }
        DatabindException mapping = cause(ex, DatabindException.class);
        if (mapping != null) {
            return invalid("the body breaks the input rules", List.of(fieldProblem(mapping)), request);
        }
        StreamReadException syntax = cause(ex, StreamReadException.class);
        String why = syntax != null ? "is not well-formed JSON: " + syntax.getOriginalMessage()
                : ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                        ? "is required" : "cannot be read";
        return invalid("the body cannot be read", List.of(new FieldProblem(BODY, why)), request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e, WebRequest request) {
        return invalid("the request has invalid fields", e.problems(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        return invalid("the request has invalid fields", e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList(), request);
    }

    @ExceptionHandler(MalformedPostcodeException.class)
    ResponseEntity<Object> malformedPostcode(MalformedPostcodeException e, WebRequest request) {
        return invalid(e.getMessage(), List.of(new FieldProblem("postcode", e.getMessage())), request);
    }

    @ExceptionHandler(BookingRulesException.class)
    ResponseEntity<Object> rules(BookingRulesException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable",
                e.violations().stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", e.violations().stream().map(v -> error(v.field(), v.message())).toList());
        return entity(problem, request);
    }

    @ExceptionHandler(PostcodeNotServedException.class)
    ResponseEntity<Object> notServed(PostcodeNotServedException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "not-served",
                e.getMessage());
        problem.setProperty("errors", List.of(error("postcode", "is not served by the network")));
        return entity(problem, request);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<Object> keyReused(IdempotencyKeyReusedException e, WebRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", e.getMessage(), request);
    }

    @ExceptionHandler(NoticePolicyException.class)
    ResponseEntity<Object> notice(NoticePolicyException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "notice-policy",
                e.getMessage());
        problem.setProperty("policy", e.policy());
        return entity(problem, request);
    }

    @ExceptionHandler(BookingStateException.class)
    ResponseEntity<Object> state(BookingStateException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "invalid-state", e.getMessage(), request);
    }

    @ExceptionHandler(OnPremRejectedException.class)
    ResponseEntity<Object> rejected(OnPremRejectedException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, "back-office-refused", "the back office refused the change", request);
    }

    @ExceptionHandler(OnPremUnavailableException.class)
    ResponseEntity<Object> unavailable(OnPremUnavailableException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "back-office-unavailable",
                "the back office cannot be reached right now; try again later");
        complete(problem, 503, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }

    @ExceptionHandler(BookingBusyException.class)
    ResponseEntity<Object> busy(BookingBusyException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "contention", e.getMessage());
        problem.setProperty("retryable", true);
        return entity(problem, request);
    }

    /**
     * The database cannot be reached (no connection within Hikari's connection timeout, or one lost mid-request):
     * answered before the gateway's route timeout, so callers see a retryable 503 instead of a 504.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    ResponseEntity<Object> databaseUnreachable(Exception e, WebRequest request) {
        log.warn("database unreachable answering {}: {}", path(request), e.toString());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "the service cannot answer right now; nothing was changed, try again later");
        complete(problem, 503, request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("unexpected error answering {}", path(request), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "an unexpected error occurred", request);
    }

    private ResponseEntity<Object> invalid(String detail, List<FieldProblem> problems, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                detail);
        problem.setProperty("errors", problems.stream().map(p -> error(p.field(), p.message())).toList());
        return entity(problem, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String slug, String detail, WebRequest request) {
        return entity(Problems.of(status, slug, detail), request);
    }

    private ResponseEntity<Object> entity(ProblemDetail problem, WebRequest request) {
        complete(problem, problem.getStatus(), request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Fills in what a framework-made problem leaves out: the contract's type, a title, a detail and the path. */
    private static void complete(ProblemDetail problem, int status, WebRequest request) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(Problems.type(Problems.slugFor(status)));
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (problem.getTitle() == null) {
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        }
        if (problem.getDetail() == null) {
            problem.setDetail(known == null ? "error" : known.getReasonPhrase());
        }
        problem.setInstance(URI.create(path(request)));
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The JSON path of a mapping error ({@code customer.consent}, {@code items[2]}) and what was wrong there. */
    static FieldProblem fieldProblem(DatabindException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        String name = field.isEmpty() ? BODY : field.toString();
        if (e instanceof UnrecognizedPropertyException) {
            return new FieldProblem(name, "is not a known property");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            return new FieldProblem(name, "must not contain control characters (U+0000-U+001F, U+007F-U+009F)");
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new FieldProblem(name, expected(m.getTargetType()));
        }
        return new FieldProblem(name, "is invalid");
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be an RFC 3339 date-time with an offset, e.g. 2026-12-09T09:00:00+01:00";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        return "must be " + article(type.getSimpleName());
    }

    private static String article(String type) {
        return ("AEIOU".indexOf(Character.toUpperCase(type.charAt(0))) >= 0 ? "an " : "a ") + type;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        if (header != null && !header.value().isEmpty()) {
            return header.value();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
