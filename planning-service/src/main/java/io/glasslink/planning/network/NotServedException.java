package io.glasslink.planning.network;

import java.util.List;

import io.glasslink.planning.FieldProblem;

/** The network has no such centre, or no van of it serves the postcode (answered 422 {@code not-served}, naming the field). */
public class NotServedException extends RuntimeException {

    private final FieldProblem problem;

    /** The place named by {@code field} is unknown or not served, for {@code reason}. */
    public NotServedException(String field, String reason) {
        this(new FieldProblem(field, reason));
    }

    private NotServedException(FieldProblem problem) {
        super(problem.field() + ": " + problem.message());
        this.problem = problem;
    }

    /** The field at fault. */
    public List<FieldProblem> problems() {
        return List.of(problem);
    }

    /** The same refusal with the field {@code from} named {@code to} (a query parameter standing for a body field). */
    public NotServedException renamed(String from, String to) {
        return problem.field().equals(from) ? new NotServedException(to, problem.message()) : this;
    }
}
