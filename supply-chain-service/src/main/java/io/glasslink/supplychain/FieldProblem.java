package io.glasslink.supplychain;

/**
 * One field at fault in a refused request: its dotted JSON path ({@code [i]} for array items) and what is wrong with
 * it. Features may name the fields they refuse in their own exceptions; {@code web} writes them as the problem's
 * {@code errors[]}.
 */
public record FieldProblem(String field, String message) {
}
