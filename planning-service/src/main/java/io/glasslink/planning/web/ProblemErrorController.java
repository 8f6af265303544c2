package io.glasslink.planning.web;

import java.net.URI;
import java.util.List;

import io.glasslink.planning.web.Problems.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's error page ({@code /error}) answers problem+json: it writes the errors raised outside Spring MVC (a filter's
 * or Spring Security's {@code sendError}, the firewall, Tomcat's error dispatch), which {@link ProblemDetailsAdvice}
 * never sees. Replaces Boot's BasicErrorController.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorController extends AbstractErrorController {

    private final RequestLimitsProperties limits;

    ProblemErrorController(ErrorAttributes errorAttributes, RequestLimitsProperties limits) {
        super(errorAttributes, List.of());
        this.limits = limits;
    }

    @RequestMapping(value = "${server.error.path:${error.path:/error}}", produces = {
            MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        ProblemType type = ProblemType.ofStatus(status.value());
        ProblemDetail problem = Problems.of(type, detail(type));
        // the status of the answer, not the type's: an unlisted 4xx keeps its own status
        problem.setStatus(status.value());
        problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(problem);
    }

    /** The path of the request that failed (as sent: it may not even be a valid URI). */
    private static URI instance(Object path) {
        try {
            return URI.create(path instanceof String p && p.startsWith("/") ? p : "/");
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    private String detail(ProblemType type) {
        return switch (type) {
            case CONTENT_TOO_LARGE -> RequestSizeLimitFilter.tooLarge(limits.maxRequestSize().toBytes());
            case NOT_FOUND -> "no such resource";
            case SERVER_ERROR -> "the request could not be answered";
            default -> type.title();
        };
    }
}
