package io.glasslink.supplychain.web;

import java.util.List;

/**
 * Request fields that break the API's input rules, found by a check Bean Validation cannot express
 * (e.g. "exactly one of"): answered like Bean Validation's failures, 400 problem+json with
 * {@code errors[]}.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super("the request is invalid: " + problems);
        this.problems = List.copyOf(problems);
    }

    /** The broken fields, in the order they were checked. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** One broken field ({@code centreIds[3]} for an element of a list) and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
