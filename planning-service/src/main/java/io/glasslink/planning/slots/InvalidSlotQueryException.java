package io.glasslink.planning.slots;

import java.util.List;

import io.glasslink.planning.FieldProblem;

/** A slot search that breaks an input rule (answered 400 {@code invalid-request}, one entry per broken rule). */
public class InvalidSlotQueryException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** For the fields that break their rules. */
    public InvalidSlotQueryException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The broken rules, in the order they were checked. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** The same refusal with the field {@code from} named {@code to} (a query parameter standing for a body field). */
    public InvalidSlotQueryException renamed(String from, String to) {
        return new InvalidSlotQueryException(problems.stream()
                .map(p -> p.field().equals(from) ? new FieldProblem(to, p.message()) : p).toList());
    }
}
