package io.glasslink.link.control;

/**
 * Answer of {@code POST /paths/{path}/reset-connections}.
 *
 * @param path  the path
 * @param reset how many connections were reset
 */
public record ResetResult(String path, int reset) {
}
