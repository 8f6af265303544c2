package io.glasslink.link.control;

/**
 * Body of {@code PUT /paths/{path}/outage}.
 *
 * @param mode      {@code refuse}, {@code blackhole} or {@code none}
 * @param direction {@code to-onprem}, {@code to-cloud} or {@code both} (the default when absent)
 */
public record OutageRequest(String mode, String direction) {
}
