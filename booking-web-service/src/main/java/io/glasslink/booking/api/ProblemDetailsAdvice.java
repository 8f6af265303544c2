package io.glasslink.booking.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.glasslink.booking.bookings.BookingStateException;
import io.glasslink.booking.bookings.IdempotencyKeyReusedException;
import io.glasslink.booking.bookings.NoticePolicyException;
import io.glasslink.booking.centres.Postcode.MalformedPostcodeException;
import io.glasslink.booking.centres.PostcodeNotServedException;
import io.glasslink.booking.onprem.OnPremRejectedException;
import io.glasslink.booking.onprem.OnPremUnavailableException;
import jakarta.validation.ConstraintViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the partner API as RFC 9457 {@code application/problem+json}, with field errors. */
@RestControllerAdvice(basePackageClasses = ProblemDetailsAdvice.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPES = "https://glasslink.io/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(validation("the request has invalid fields",
                ex.getBindingResult().getFieldErrors().stream()
                        .map(e -> fieldError(e.getField(), String.valueOf(e.getDefaultMessage()))).toList()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(validation("the request has invalid parameters",
                ex.getParameterValidationResults().stream()
                        .flatMap(r -> r.getResolvableErrors().stream().map(e -> fieldError(
                                String.valueOf(r.getMethodParameter().getParameterName()),
                                String.valueOf(e.getDefaultMessage()))))
                        .toList()));
    }

    @ExceptionHandler(FieldErrorException.class)
    ProblemDetail fieldError(FieldErrorException e) {
        return validation(e.field() + " " + e.getMessage(), List.of(fieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        return validation(e.getMessage(), e.getConstraintViolations().stream()
                .map(v -> fieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    @ExceptionHandler(MalformedPostcodeException.class)
    ProblemDetail malformedPostcode(MalformedPostcodeException e) {
        return validation(e.getMessage(), List.of(fieldError("postcode", e.getMessage())));
    }

    @ExceptionHandler(PostcodeNotServedException.class)
    ProblemDetail notServed(PostcodeNotServedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "postcode-not-served", "Postcode not served", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused", e.getMessage());
    }

    @ExceptionHandler(BookingNotFoundException.class)
    ProblemDetail notFound(BookingNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "booking-not-found", "Booking not found", e.getMessage());
    }

    @ExceptionHandler(PartnerApiController.NotAPartnerException.class)
    ProblemDetail notAPartner(PartnerApiController.NotAPartnerException e) {
        return problem(HttpStatus.FORBIDDEN, "not-a-partner", "Not a partner", e.getMessage());
    }

    @ExceptionHandler(NoticePolicyException.class)
    ProblemDetail notice(NoticePolicyException e) {
        return problem(HttpStatus.CONFLICT, "notice-policy", "Notice policy", e.getMessage());
    }

    @ExceptionHandler(BookingStateException.class)
    ProblemDetail state(BookingStateException e) {
        return problem(HttpStatus.CONFLICT, "booking-state", "Not allowed in this state", e.getMessage());
    }

    @ExceptionHandler(OnPremRejectedException.class)
    ProblemDetail rejected(OnPremRejectedException e) {
        return problem(HttpStatus.CONFLICT, "back-office-refused", "Refused by the back office", e.getMessage());
    }

    @ExceptionHandler(OnPremUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(OnPremUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "back-office-unavailable", "Back office unavailable",
                        "the back office cannot be reached right now; try again later"));
    }

    /** A 400 naming each invalid field and why, in the {@code errors} extension member. */
    private static ProblemDetail validation(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }
}
