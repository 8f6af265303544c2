package io.glasslink.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latency samples of one measured case, in milliseconds, with the usual order statistics. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    void add(double ms) {
        millis.add(ms);
    }

    void addAll(Latencies other) {
        millis.addAll(other.millis);
    }

    int count() {
        return millis.size();
    }

    /** Nearest-rank percentile ({@code p} in 0..100); NaN when empty. */
    double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double mean() {
        return millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
