package io.glasslink.drill.faults;

import java.time.Duration;
import java.util.Optional;

import io.glasslink.drill.load.Outcomes;

/**
 * A piece of infrastructure down for a while, then started again by the drill: the Kafka broker killed
 * with SIGKILL (as a crash), PostgreSQL stopped (fast shutdown: a restart). Through the launcher, so
 * its restart policy does not bring it back early.
 */
public record HeldDown(String process, boolean kill, Duration down) implements Fault {

    @Override
    public boolean takesAPartAway() {
        return true;
    }

    @Override
    public String name() {
        return (process.equals("kafka") ? "Kafka broker " : process.equals("postgres") ? "PostgreSQL " : process + " ")
                + (kill ? "kill -9" : "stop") + ", " + down.toSeconds() + " s down, restart";
    }

    @Override
    public Timeline inject(FaultContext c) {
        long injected = System.currentTimeMillis();
        c.launcher().stop(process, kill);
        c.say((kill ? "killed " : "stopped ") + process + "; starting it again in " + down.toSeconds() + " s");
        Optional<Outcomes.Request> symptom = c.firstSymptom(injected, down);
        long left = injected + down.toMillis() - System.currentTimeMillis();
        if (left > 0) {
            FaultContext.sleep(left);
        }
        c.launcher().start(process);
        long ended = System.currentTimeMillis();
        c.say("started " + process + " again");
        if (symptom.isEmpty()) {
            symptom = Outcomes.firstUnexpected(injected).filter(r -> r.atMillis() < ended + 30_000);
        }
        return new Timeline(injected, symptom.map(Outcomes.Request::atMillis).orElse(null),
                symptom.map(r -> "first " + r.kind() + " to the load (" + r.name() + ")").orElse("no caller saw it"), ended, "");
    }
}
