package io.glasslink.planning;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One field at fault in a refused request: its dotted JSON path ({@code [i]} for array items) and what is wrong with
 * it. The features name the fields they refuse; {@code web} writes them as the problem's {@code errors[]}.
 */
public record FieldProblem(String field, String message) {

    /** The problems as one line ({@code field: message; ...}), the problem's detail. */
    public static String describe(List<FieldProblem> problems) {
        return problems.isEmpty() ? "invalid request"
                : problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; "));
    }
}
