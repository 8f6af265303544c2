package io.glasslink.link.control;

import io.glasslink.link.UnknownNameException;
import io.glasslink.link.paths.InvalidSettingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem+json for every error of the control API: bad values → 400, unknown names → 404. */
@RestControllerAdvice
public class ControlProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidSettingException.class)
    ProblemDetail invalid(InvalidSettingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid link setting", e.getMessage());
    }

    @ExceptionHandler(UnknownNameException.class)
    ProblemDetail unknown(UnknownNameException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown name", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
