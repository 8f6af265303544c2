package io.glasslink.planning.web;

import java.util.List;
import java.util.Map;

/**
 * A request the service refuses with a problem type of its contract: the feature names the type
 * and the reason, {@link ProblemDetailsAdvice} writes the problem. Nothing is written when one is
 * thrown inside a write's transaction.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldProblem> errors;
    private final transient Map<String, Object> properties;

    /** A refusal with a detail only. */
    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    /** A refusal naming the fields at fault ({@code errors[]}) and extra members of the problem. */
    public ProblemException(ProblemType type, String detail, List<FieldProblem> errors, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    /** The problem type. */
    public ProblemType type() {
        return type;
    }

    /** The fields at fault (may be empty). */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members of the problem (e.g. {@code policy}). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The same refusal with the field {@code from} named {@code to} (a query parameter standing for a body field). */
    public ProblemException renamed(String from, String to) {
        List<FieldProblem> named = errors.stream()
                .map(f -> f.field().equals(from) ? new FieldProblem(to, f.message()) : f).toList();
        return new ProblemException(type, describe(named), named, properties);
    }

    /** The detail of a list of field problems. */
    static String describe(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
    }
}
