package io.glasslink.drill.faults;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import io.glasslink.drill.load.Outcomes;
import io.glasslink.drill.platform.LauncherControl;
import io.glasslink.drill.platform.LinkControl;
import io.glasslink.drill.platform.PlatformAccess;

/** What a fault needs: the launcher's and the link's control APIs, the platform's databases, a log. */
public record FaultContext(PlatformAccess platform, LauncherControl launcher, LinkControl link, PrintStream log) {

    public void say(String line) {
        log.println("  " + line);
    }

    /** Polls {@code probe} every {@code every} until it answers or {@code patience} is over. */
    public static <T> Optional<T> poll(Supplier<Optional<T>> probe, Duration every, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<T> found;
            try {
                found = probe.get();
            } catch (RuntimeException notYet) {
                found = Optional.empty();
            }
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            sleep(every.toMillis());
        }
    }

    /** The first answer of the load that shows a fault (5xx or none) since {@code fromMillis}, within {@code patience}. */
    public Optional<Outcomes.Request> firstSymptom(long fromMillis, Duration patience) {
        return poll(() -> Outcomes.firstUnexpected(fromMillis), Duration.ofMillis(100), patience);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
