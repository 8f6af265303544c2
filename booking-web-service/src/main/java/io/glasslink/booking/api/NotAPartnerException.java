package io.glasslink.booking.api;

import io.glasslink.booking.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller is authenticated but is not a partner (no {@code partner_id} claim): 403 {@code not-a-partner}. */
class NotAPartnerException extends ErrorResponseException {

    NotAPartnerException() {
        super(HttpStatus.FORBIDDEN, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "not-a-partner",
                "the partner API is for partners: the identity carries no partner_id");
        problem.setTitle("Not a partner");
        return problem;
    }
}
