package io.glasslink.link.paths;

/**
 * A partial change of {@link DirectionSettings}: null fields keep their current value.
 *
 * @param latencyMs      new one-way latency in ms
 * @param jitterMs       new jitter in ms
 * @param bandwidthMbps  new bandwidth in Mbit/s (0 = unlimited)
 * @param limitDataBytes new data limit per connection in bytes (0 = none)
 * @param slowCloseMs    new close delay in ms (0 = none)
 */
public record SettingsChange(Double latencyMs, Double jitterMs, Double bandwidthMbps, Long limitDataBytes,
        Double slowCloseMs) {
}
