package io.glasslink.planning;

import java.util.List;

/** A request that breaks an input rule (answered 400 with one entry per broken rule). */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** For the fields that break their rules. */
    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.problems = List.copyOf(problems);
    }

    /** One broken rule. */
    public record FieldProblem(String field, String message) {
    }

    /** The broken rules. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
