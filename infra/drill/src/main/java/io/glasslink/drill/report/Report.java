package io.glasslink.drill.report;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.glasslink.drill.Drill;
import io.glasslink.drill.DrillOptions;
import io.glasslink.drill.invariants.Invariant;
import io.glasslink.drill.platform.PlatformAccess;

/** The drill's report in Markdown: a table per fault, each invariant's figures, the failover cuts. */
public final class Report {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Report() {
    }

    /** One line per fault as it ends, for the terminal. */
    public static void printRow(PrintStream out, int n, FaultResult r) {
        out.printf("  => detect %s, recover %s, %d requests %s; invariants: %s%n", seconds(r.detectSeconds()),
                seconds(r.recoverSeconds()), r.requests(), r.answersByKind(), summary(r.invariants()));
        r.invariants().stream().filter(i -> !i.holds()).forEach(i -> out.println("     BROKEN " + i.name() + ": " + i.detail()));
    }

    public static String render(DrillOptions options, PlatformAccess platform, Instant start, Drill.Outcome o, int requests,
                                int gatlingExit) {
        StringBuilder s = new StringBuilder();
        s.append("# glasslink fault drill, ").append(start.atZone(PARIS).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        s.append(String.format("Plan `%s` against %s; load %.1f partners/s + %.1f web customers/s through the gateway (Gatling), "
                        + "%d requests in all. Verdict: **%s**.%n%n", options.plan(), platform.home(), options.partnersPerSecond(),
                options.webPerSecond(), requests, o.passed() ? "every invariant held" : "invariants broken"));
        s.append("Gatling report: ").append(o.gatlingReport() == null ? "(none written; Gatling exit code " + gatlingExit + ")"
                : o.gatlingReport().toString()).append("\n\n");
        s.append("detect: from the fault to its first sign (which one is said below); recover: from the fault until every process is "
                + "ready and the gateway answers a search (not provisional) and the booking list, and its circuit breakers are closed; requests and answers: the load's, "
                + "from the fault until its invariants were checked.\n\n");
        s.append("| # | fault | detect | recover | requests | answers by kind | invariants |\n|---|---|---|---|---|---|---|\n");
        int n = 0;
        for (FaultResult r : o.faults()) {
            s.append(String.format("| %d | %s | %s | %s | %d | %s | %s |%n", ++n, r.fault(), seconds(r.detectSeconds()),
                    seconds(r.recoverSeconds()), r.requests(), kinds(r.answersByKind()), summary(r.invariants())));
        }
        n = 0;
        for (FaultResult r : o.faults()) {
            s.append(String.format("%n### %d. %s%n%n", ++n, r.fault()));
            s.append("- detected by: ").append(r.timeline().detectedBy()).append("\n");
            if (!r.timeline().note().isEmpty()) {
                s.append("- ").append(r.timeline().note()).append("\n");
            }
            invariants(s, r.invariants());
        }
        s.append("\n### At the end\n\n");
        invariants(s, o.atTheEnd());
        if (!o.failover().cuts().isEmpty()) {
            Failover f = o.failover();
            s.append(String.format("%n## Failover under load: %d Direct Connect cuts%n%n", f.cuts().size()));
            s.append("From the cut (black hole) to the first on-prem answer through the VPN (a call through the gateway every 50 ms); "
                    + "the link's own failover (probes every 300 ms, 3 lost) beside it.\n\n");
            s.append("| cut | link failover | first answer through the VPN | calls after the cut without an answer within 1 s |\n|---|---|---|---|\n");
            int i = 0;
            for (Failover.Cut c : f.cuts()) {
                s.append(String.format("| %d | %s | %s | %d of %d |%n", ++i, ms(c.linkFailoverMillis()), ms(c.firstVpnAnswerMillis()),
                        c.stalledProbes(), c.probesAfterCut()));
            }
            List<Long> answers = f.answers();
            List<Long> link = f.linkFailovers();
            s.append(String.format("%nFirst answer through the VPN: p50 %d ms, max %d ms over %d cuts (goal: p50 and max <= 1000 ms: %s); "
                            + "link failover p50 %d ms, max %d ms.%n", Failover.percentile(answers, 50), Failover.percentile(answers, 100),
                    answers.size(), answers.size() == f.cuts().size() && Failover.percentile(answers, 100) <= 1000 ? "met" : "NOT met",
                    Failover.percentile(link, 50), Failover.percentile(link, 100)));
        }
        return s.toString();
    }

    private static void invariants(StringBuilder s, List<Invariant> all) {
        for (Invariant i : all) {
            s.append("- ").append(i.holds() ? "ok" : "**BROKEN**").append(" — ").append(i.name()).append(": ").append(i.detail()).append("\n");
        }
    }

    private static String summary(List<Invariant> all) {
        long ok = all.stream().filter(Invariant::holds).count();
        String broken = all.stream().filter(i -> !i.holds()).map(Invariant::name).collect(Collectors.joining("; "));
        return ok + "/" + all.size() + " ok" + (broken.isEmpty() ? "" : "; BROKEN: " + broken);
    }

    private static String kinds(Map<String, Long> byKind) {
        return byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String seconds(Double s) {
        return s == null ? "—" : String.format("%.1f s", s);
    }

    private static String ms(Long ms) {
        return ms == null ? "—" : ms + " ms";
    }
}
