package io.glasslink.drill.report;

import java.util.List;

/**
 * Direct Connect cuts under load: per cut, the link's own failover (its probes), the first on-prem
 * answer through the VPN after the cut, and how many probe requests sent after the cut got no answer
 * in time (they rode a pooled Direct Connect connection).
 */
public record Failover(List<Cut> cuts) {

    /** One cut; times in milliseconds from the cut, null when it did not happen within the bound. */
    public record Cut(Long linkFailoverMillis, Long firstVpnAnswerMillis, int stalledProbes, int probesAfterCut) {
    }

    public static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    public List<Long> answers() {
        return cuts.stream().map(Cut::firstVpnAnswerMillis).filter(java.util.Objects::nonNull).sorted().toList();
    }

    public List<Long> linkFailovers() {
        return cuts.stream().map(Cut::linkFailoverMillis).filter(java.util.Objects::nonNull).sorted().toList();
    }
}
