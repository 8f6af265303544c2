package io.glasslink.booking;

/** One broken field of a request (a dotted JSON path, {@code [i]} for array items) and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
