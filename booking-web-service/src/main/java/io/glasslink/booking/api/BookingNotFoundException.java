package io.glasslink.booking.api;

import io.glasslink.booking.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No booking with that reference for this caller: 404 {@code not-found}. */
class BookingNotFoundException extends ErrorResponseException {

    BookingNotFoundException(String reference) {
        super(HttpStatus.NOT_FOUND, problem(reference), null);
    }

    private static ProblemDetail problem(String reference) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "no booking " + reference);
        problem.setTitle("Booking not found");
        return problem;
    }
}
