package io.glasslink.planning.web;

import java.util.List;
import java.util.Map;

/**
 * A well-formed request that breaks a business rule, checked before anything is written: 422 with
 * {@code errors[]}, {@code not-served} when the network has no such place or does not serve it,
 * {@code unprocessable} otherwise.
 */
public class UnprocessableRequestException extends ProblemException {

    /** The place named by {@code field} is unknown or not served. */
    public static UnprocessableRequestException notServed(String field, String message) {
        return new UnprocessableRequestException(ProblemType.NOT_SERVED, List.of(new FieldProblem(field, message)));
    }

    /** The request breaks these business rules. */
    public static UnprocessableRequestException breaks(List<FieldProblem> problems) {
        return new UnprocessableRequestException(ProblemType.UNPROCESSABLE, problems);
    }

    private UnprocessableRequestException(ProblemType type, List<FieldProblem> problems) {
        super(type, describe(problems), problems, Map.of());
    }
}
