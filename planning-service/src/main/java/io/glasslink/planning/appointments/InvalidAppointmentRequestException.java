package io.glasslink.planning.appointments;

import java.util.List;

import io.glasslink.planning.FieldProblem;

/** A hold, cancel or reschedule that breaks an input rule (answered 400 {@code invalid-request}, one entry per broken rule). */
public class InvalidAppointmentRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** For the fields that break their rules. */
    public InvalidAppointmentRequestException(List<FieldProblem> problems) {
        super(FieldProblem.describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** For one field. */
    public InvalidAppointmentRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    /** The broken rules, in the order they were checked. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
