package io.glasslink.datahub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Boot's error page ({@code /error}) as problem+json: what is answered before Spring MVC's own handling —
 * Spring Security's 401, the firewall's 400, Tomcat's errors — has the shape and types of every other
 * error (docs/contracts.md "Errors").
 */
@RestController
class ProblemErrorController extends AbstractErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errors;

    ProblemErrorController(ErrorAttributes errors) {
        super(errors);
        this.errors = errors;
    }

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String instance = uri instanceof String s && s.startsWith("/") ? s : "/";
        Throwable failure = errors.getError(new ServletWebRequest(request));
        String detail;
        if (status.is5xxServerError()) {
            if (failure != null) {
                log.error("unexpected error answering {}", instance, failure);
            }
            detail = "an unexpected error occurred";
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            detail = message instanceof String m && !m.isBlank() ? m : status.getReasonPhrase();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return answer.body(Problems.of(status, Problems.slugFor(status.value()), detail, instance));
    }
}
