package io.glasslink.datahub.web;

import java.util.List;

/** A request that breaks an input rule: 400 {@code invalid-request}, naming each broken field or parameter. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "the request is invalid" : problems.get(0).field() + " " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    /** Each broken field or parameter, in the order found. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field (a dotted JSON path, a parameter or a header name) and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }
}
