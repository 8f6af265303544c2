package io.glasslink.planning.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.glasslink.planning.FieldProblem;
import io.glasslink.planning.appointments.AppointmentNotFoundException;
import io.glasslink.planning.appointments.AppointmentStateException;
import io.glasslink.planning.appointments.InvalidAppointmentRequestException;
import io.glasslink.planning.appointments.NoticePolicyViolationException;
import io.glasslink.planning.appointments.SlotUnavailableException;
import io.glasslink.planning.appointments.StartNotOfferedException;
import io.glasslink.planning.idempotency.IdempotencyKeyReusedException;
import io.glasslink.planning.network.NotServedException;
import io.glasslink.planning.slots.InvalidSlotQueryException;
import io.glasslink.planning.web.Problems.ProblemType;
import io.glasslink.planning.workforce.InvalidAbsenceException;
import io.glasslink.planning.workforce.UnknownTechnicianException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error the MVC layer sees becomes {@code application/problem+json} (RFC 9457) with a type of
 * {@link ProblemType}: the features' own refusals (each feature throws its exceptions, this maps them), the
 * framework's (unreadable body, unknown route, method, media type, ...), Spring Security's (resolved here from its
 * entry point) and anything unexpected (500, nothing more said). Validation errors name each field in
 * {@code errors[]}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidSlotQueryException.class)
    ProblemDetail invalidSlotQuery(InvalidSlotQueryException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(InvalidAppointmentRequestException.class)
    ProblemDetail invalidAppointmentRequest(InvalidAppointmentRequestException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(InvalidAbsenceException.class)
    ProblemDetail invalidAbsence(InvalidAbsenceException e) {
        return invalid(e.problems());
    }

    @ExceptionHandler(NotServedException.class)
    ProblemDetail notServed(NotServedException e) {
        return Problems.of(ProblemType.NOT_SERVED, e.getMessage(), e.problems());
    }

    @ExceptionHandler(StartNotOfferedException.class)
    ProblemDetail startNotOffered(StartNotOfferedException e) {
        return Problems.of(ProblemType.UNPROCESSABLE, e.getMessage(), e.problems());
    }

    @ExceptionHandler({AppointmentNotFoundException.class, UnknownTechnicianException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AppointmentStateException.class)
    ProblemDetail invalidState(AppointmentStateException e) {
        return Problems.of(ProblemType.INVALID_STATE, e.getMessage());
    }

    @ExceptionHandler(NoticePolicyViolationException.class)
    ProblemDetail noticePolicy(NoticePolicyViolationException e) {
        ProblemDetail p = Problems.of(ProblemType.NOTICE_POLICY, e.getMessage());
        p.setProperty("policy", e.policy());
        return p;
    }

    @ExceptionHandler(SlotUnavailableException.class)
    ProblemDetail slotUnavailable(SlotUnavailableException e) {
        return Problems.of(ProblemType.SLOT_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED, e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return Problems.of(ProblemType.UNAUTHENTICATED, "valid credentials are required");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(ProblemType.FORBIDDEN, "these credentials do not allow this");
    }

    /** Spring Security's firewall refused a parameter (a control character in a query string, ...). */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(ProblemType.INVALID_REQUEST, "the request breaks an input rule: " + e.getMessage());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        return Problems.of(ProblemType.CONFLICT, "the request conflicts with the stored planning");
    }

    /**
     * Two writes racing for the same technician's time can deadlock inside PostgreSQL's exclusion
     * check; PostgreSQL aborts one of them and nothing of it is written. The transaction is rerun a
     * few times first (TransientConflicts); only a loser every time gets here, and a retry is safe.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ProblemDetail contention(PessimisticLockingFailureException e) {
        ProblemDetail p = Problems.of(ProblemType.CONTENTION,
                "another request changed the same technician's time at the same moment; nothing was written, retry");
        p.setProperty("retryable", true);
        return p;
    }

    /** Anything else: 503 (with Retry-After) when PostgreSQL cannot be reached, nothing having been written; 500 otherwise. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            log.warn("the database cannot be reached: {}", e.getMessage());
            return ResponseEntity.status(ProblemType.UNAVAILABLE.status()).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(ProblemType.UNAVAILABLE, "the planning cannot be reached now; nothing was written"));
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(Problems.of(ProblemType.SERVER_ERROR, "the request could not be answered"));
    }

    /**
     * No connection could be had, or the one in use broke (SQLState class 08; a failed rollback
     * after it): the transaction did not commit.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                        && databaseUnreachable(tx.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }

    /** Framework-raised errors get the type and title of their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            ProblemType type = ProblemType.ofStatus(statusCode.value());
            p.setType(URI.create(type.uri()));
            p.setTitle(type.title());
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.ContentTooLargeException) {
                return handleExceptionInternal(ex, Problems.of(ProblemType.CONTENT_TOO_LARGE, t.getMessage()), headers,
                        HttpStatusCode.valueOf(ProblemType.CONTENT_TOO_LARGE.status()), request);
            }
        }
        FieldProblem error = unreadable(ex);
        return handleExceptionInternal(ex, Problems.of(ProblemType.INVALID_REQUEST, error.field() + ": " + error.message(),
                List.of(error)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), message(f))));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldProblem("body", message(g))));
        return handleExceptionInternal(ex, Problems.of(ProblemType.INVALID_REQUEST, FieldProblem.describe(errors), errors),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(
                r.getMethodParameter().getParameterName(), message(e)))));
        return handleExceptionInternal(ex, Problems.of(ProblemType.INVALID_REQUEST, FieldProblem.describe(errors), errors),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem error = new FieldProblem(ex.getParameterName(), "is required");
        return handleExceptionInternal(ex, Problems.of(ProblemType.INVALID_REQUEST, error.field() + ": is required",
                List.of(error)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        FieldProblem error = new FieldProblem(name, "invalid value '" + ex.getValue() + "'" + allowed(ex.getRequiredType()));
        return handleExceptionInternal(ex, Problems.of(ProblemType.INVALID_REQUEST, name + ": " + error.message(), List.of(error)),
                headers, status, request);
    }

    /** The field at fault in an unreadable body, as a dotted JSON path, and why. */
    static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException u) {
                return new FieldProblem(path(u), "is not a property of this request");
            }
            if (t instanceof StrictJsonConfiguration.InvalidTextException text) {
                return new FieldProblem(path(text), text.getOriginalMessage());
            }
            if (t instanceof InvalidFormatException f) {
                return new FieldProblem(path(f), "invalid value '" + f.getValue() + "'" + allowed(f.getTargetType()));
            }
            if (t instanceof MismatchedInputException m) {
                return new FieldProblem(path(m), expected(m.getTargetType()));
            }
            if (t instanceof StreamReadException) {
                return new FieldProblem("body", "is not well-formed JSON");
            }
        }
        return new FieldProblem("body", "is required and must be a JSON object for this operation");
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + values(type);
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be a date and time with its offset (RFC 3339)";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    private static String allowed(Class<?> type) {
        return type != null && type.isEnum() ? " (one of " + values(type) + ")" : "";
    }

    private static String values(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        if (error instanceof FieldError f && f.isBindingFailure()) {
            return "invalid value '" + f.getRejectedValue() + "'";
        }
        return message == null ? "is invalid" : message;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        return Problems.of(ProblemType.INVALID_REQUEST, FieldProblem.describe(errors), errors);
    }
}
