package io.glasslink.planning.web;

/** One field at fault in a refused request: its dotted JSON path ({@code [i]} for array items) and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
