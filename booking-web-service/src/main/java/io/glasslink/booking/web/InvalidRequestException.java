package io.glasslink.booking.web;

import java.util.List;

import io.glasslink.booking.FieldProblem;

/**
 * A request that breaks the input rules in a way bean validation cannot express (one field depends on another);
 * answered like bean validation's failures: 400 problem+json {@code invalid-request} with {@code errors[]}.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("the request is invalid: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** A request with one broken field. */
    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** The broken fields, in the order they were checked. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
