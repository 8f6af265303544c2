package io.glasslink.planning.workforce;

import java.util.List;

import io.glasslink.planning.FieldProblem;

/** An absence that breaks an input rule (answered 400 {@code invalid-request}, one entry per broken rule). */
public class InvalidAbsenceException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** For the fields that break their rules. */
    public InvalidAbsenceException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The broken rules, in the order they were checked. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
