package io.glasslink.link.control;

/**
 * Body of {@code PUT /paths/{path}/outage}.
 *
 * @param mode {@code refuse}, {@code blackhole} or {@code none}
 */
public record OutageRequest(String mode) {
}
