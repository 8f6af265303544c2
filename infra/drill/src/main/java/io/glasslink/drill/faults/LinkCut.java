package io.glasslink.drill.faults;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.glasslink.drill.load.Outcomes;
import io.glasslink.drill.platform.LinkControl;

/**
 * A cut of the cloud ↔ on-prem link through the link simulator's control API: Direct Connect alone
 * (new connections fail over to the VPN), or both paths (on-prem unreachable), held, then restored.
 */
public record LinkCut(List<String> paths, Duration held) implements Fault {

    public static LinkCut directConnect(Duration held) {
        return new LinkCut(List.of(LinkControl.DIRECT_CONNECT), held);
    }

    public static LinkCut bothPaths(Duration held) {
        return new LinkCut(List.of(LinkControl.DIRECT_CONNECT, LinkControl.VPN), held);
    }

    @Override
    public boolean takesAPartAway() {
        return paths.size() > 1;
    }

    @Override
    public String name() {
        return (paths.size() == 1 ? "Direct Connect cut (VPN takes over)" : "both paths cut") + ", " + held.toSeconds() + " s, restore";
    }

    @Override
    public Timeline inject(FaultContext c) {
        long failoversBefore = c.link().failovers();
        long injected = System.currentTimeMillis();
        paths.forEach(p -> c.link().cut(p, "blackhole"));
        c.say("cut " + String.join(" and ", paths) + " (black hole) for " + held.toSeconds() + " s");
        Long detected = null;
        String by;
        if (paths.size() == 1) {
            Optional<Long> failedOver = FaultContext.poll(() -> c.link().failovers() > failoversBefore
                    ? Optional.of(System.currentTimeMillis()) : Optional.empty(), Duration.ofMillis(20), held);
            detected = failedOver.orElse(null);
            by = failedOver.isPresent() ? "the link failed over to the VPN" : "the link did not fail over";
        } else {
            Optional<Outcomes.Request> symptom = c.firstSymptom(injected, held);
            detected = symptom.map(Outcomes.Request::atMillis).orElse(null);
            by = symptom.map(r -> "first " + r.kind() + " to the load (" + r.name() + ")").orElse("no caller saw it");
        }
        long left = injected + held.toMillis() - System.currentTimeMillis();
        if (left > 0) {
            FaultContext.sleep(left);
        }
        paths.forEach(p -> c.link().restore(p));
        long ended = System.currentTimeMillis();
        c.say("restored " + String.join(" and ", paths));
        return new Timeline(injected, detected, by, ended, "");
    }
}
