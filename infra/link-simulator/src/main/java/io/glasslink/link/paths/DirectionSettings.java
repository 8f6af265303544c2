package io.glasslink.link.paths;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Impairments applied to one direction of one path, after Toxiproxy's toxics.
 *
 * @param latencyMs      added one-way delay in milliseconds
 * @param jitterMs       the delay varies uniformly within ± this many milliseconds (never reordering bytes)
 * @param bandwidthMbps  capacity of the path in this direction in Mbit/s, shared by its connections; 0 = unlimited
 * @param limitDataBytes a connection is closed once this many bytes went through in this direction; 0 = no limit
 * @param slowCloseMs    closing (FIN) is delayed by this many milliseconds; 0 = immediate
 * @param outage         whether this direction is out of service, and how
 */
public record DirectionSettings(double latencyMs, double jitterMs, double bandwidthMbps, long limitDataBytes,
        double slowCloseMs, OutageMode outage) {

    /** No impairment at all. */
    public static final DirectionSettings NONE = new DirectionSettings(0, 0, 0, 0, 0, OutageMode.NONE);

    /** Validates every value: finite and not negative, an outage mode given. */
    public DirectionSettings {
        if (outage == null) {
            throw new InvalidSettingException("outage must be given");
        }
        requireNonNegative("latencyMs", latencyMs);
        requireNonNegative("jitterMs", jitterMs);
        requireNonNegative("bandwidthMbps", bandwidthMbps);
        requireNonNegative("slowCloseMs", slowCloseMs);
        if (limitDataBytes < 0) {
            throw new InvalidSettingException("limitDataBytes must not be negative");
        }
    }

    /** Latency and jitter only, no bandwidth limit. */
    public static DirectionSettings latency(double latencyMs, double jitterMs) {
        return new DirectionSettings(latencyMs, jitterMs, 0, 0, 0, OutageMode.NONE);
    }

    /** These settings with the given changes applied; a null field of the change keeps the current value. */
    public DirectionSettings apply(SettingsChange change) {
        return new DirectionSettings(
                change.latencyMs() != null ? change.latencyMs() : latencyMs,
                change.jitterMs() != null ? change.jitterMs() : jitterMs,
                change.bandwidthMbps() != null ? change.bandwidthMbps() : bandwidthMbps,
                change.limitDataBytes() != null ? change.limitDataBytes() : limitDataBytes,
                change.slowCloseMs() != null ? change.slowCloseMs() : slowCloseMs, outage);
    }

    /** These settings in another outage mode. */
    public DirectionSettings withOutage(OutageMode mode) {
        return new DirectionSettings(latencyMs, jitterMs, bandwidthMbps, limitDataBytes, slowCloseMs, mode);
    }

    /** One draw of this direction's delay: the latency ± a uniform jitter, never negative, in nanoseconds. */
    public long sampleDelayNanos() {
        double delayMs = latencyMs;
        if (jitterMs > 0) {
            delayMs += ThreadLocalRandom.current().nextDouble(-jitterMs, jitterMs);
        }
        return (long) (Math.max(0, delayMs) * 1_000_000);
    }

    /** Time to put {@code bytes} on the wire at the configured bandwidth, in nanoseconds (0 when unlimited). */
    public long serialisationNanos(int bytes) {
        return bandwidthMbps == 0 ? 0 : (long) (bytes * 8_000.0 / bandwidthMbps);
    }

    private static void requireNonNegative(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidSettingException(name + " must be a finite number >= 0, was " + value);
        }
    }
}
