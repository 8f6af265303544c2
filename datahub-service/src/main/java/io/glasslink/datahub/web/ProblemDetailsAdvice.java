package io.glasslink.datahub.web;

import java.net.URI;
import java.util.List;

import io.glasslink.datahub.web.InvalidRequestException.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns every error raised in Spring MVC into RFC 9457 {@code application/problem+json} with a type of
 * docs/contracts.md ("Problem types"): invalid parameters (400 with {@code errors[]}), Spring MVC's own
 * (404, 405, 406, 415), the lake store out of reach (503 with {@code Retry-After}) and anything unexpected
 * (500, nothing more said). Errors raised before Spring MVC are rendered alike by {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "the request is invalid", request.getRequestURI(),
                e.problems());
    }

    // the firewall judges a parameter when it is first read, which may be past the filter chain
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e, HttpServletRequest request) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request",
                "a header, a parameter or the URL holds characters that are not allowed", request.getRequestURI());
    }

    @ExceptionHandler(SdkException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(SdkException e, HttpServletRequest request) {
        log.warn("answering 503 to {} {}: the lake store cannot be read: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "the lake store cannot be read now",
                        request.getRequestURI()));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "an unexpected error occurred",
                request.getRequestURI());
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
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        return invalid(ex, List.of(new FieldProblem(String.valueOf(field), "has an invalid value")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, problem(HttpStatus.NOT_FOUND, "no such resource or route", request),
                headers, status, request);
    }

    /** Every problem Spring MVC builds gets a listed type, a detail and the request path. */
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
                problem.setDetail(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "the request is invalid", request);
        Problems.withErrors(body, errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
        return Problems.of(status, Problems.slugFor(status.value()), detail, path);
    }

    private static String fieldName(String parameter, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return field.getField();
        }
        return parameter == null ? "parameter" : parameter;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
