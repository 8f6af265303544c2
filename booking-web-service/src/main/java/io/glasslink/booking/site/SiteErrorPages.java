package io.glasslink.booking.site;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A site page whose database cannot be reached answers a browser (one that accepts HTML) with a page of the site, 503
 * and {@code Retry-After}; a caller asking for JSON, and the partner API, keep the problem+json of
 * {@code web/ProblemDetailsAdvice}, which Spring MVC picks when this handler's {@code produces} does not match.
 */
@ControllerAdvice(assignableTypes = {BookingPagesController.class, ManageBookingController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrorPages {

    @ExceptionHandler(value = {CannotCreateTransactionException.class, DataAccessResourceFailureException.class},
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView databaseUnreachable(HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        ModelAndView page = new ModelAndView("error/unavailable");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }
}
