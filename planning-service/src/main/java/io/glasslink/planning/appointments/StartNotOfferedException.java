package io.glasslink.planning.appointments;

import java.util.List;

import io.glasslink.planning.FieldProblem;

/**
 * The start of a hold or reschedule is not one the slot search could offer: past, beyond the horizon, off the grid,
 * in the repeated hour of a DST change, outside everyone's working time (answered 422 {@code unprocessable}).
 */
public class StartNotOfferedException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** For the rules the start breaks. */
    public StartNotOfferedException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The broken rules. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
