package io.glasslink.planning.web;

import java.util.List;

/** A request that breaks an input rule: 400 {@code invalid-request}, one entry of {@code errors[]} per broken rule. */
public class InvalidRequestException extends ProblemException {

    /** For the fields that break their rules. */
    public InvalidRequestException(List<FieldProblem> problems) {
        super(ProblemType.INVALID_REQUEST, describe(problems), problems, java.util.Map.of());
    }

    /** The broken rules. */
    public List<FieldProblem> problems() {
        return errors();
    }
}
