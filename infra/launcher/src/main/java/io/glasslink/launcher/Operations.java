package io.glasslink.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

import io.glasslink.launcher.control.ControlClient;
import io.glasslink.launcher.platform.PlatformSettings;
import io.glasslink.launcher.platform.RunState;
import tools.jackson.databind.JsonNode;

/** {@code status} and {@code restart NAME} against a running launcher, through its control API. */
final class Operations {

    private Operations() {
    }

    /** Prints each process with its state, crashes and restarts; exit code 3 when nothing runs. */
    static int status(PlatformSettings settings, PrintStream out) {
        RunState state = new RunState(settings);
        Optional<RunState.Control> control = state.control();
        if (control.isEmpty()) {
            state.printStatus(out);
            return state.launcher().isPresent() ? 0 : 3;
        }
        try {
            ControlClient.Answer answer = new ControlClient(control.get()).get("/processes");
            if (!answer.ok()) {
                out.println("glasslink: the launcher answered " + answer.status() + ": " + answer.detail());
                return 1;
            }
            out.println("glasslink is running (launcher pid " + state.launcher().map(ProcessHandle::pid).orElse(-1L) + ")");
            out.printf("  %-22s %-10s %-8s %7s %8s  %s%n", "process", "state", "pid", "crashes", "restarts", "last exit");
            for (JsonNode p : answer.body()) {
                out.printf("  %-22s %-10s %-8s %7d %8d  %s%n", p.path("name").asString(), p.path("state").asString(),
                        p.path("pid").isNull() || p.path("pid").isMissingNode() ? "-" : p.path("pid").asString(),
                        p.path("crashes").asInt(), p.path("restarts").asInt(),
                        p.path("lastExit").isNull() || p.path("lastExit").isMissingNode() ? ""
                                : p.path("lastExit").asString() + " at " + p.path("lastExitAt").asString());
            }
            state.printUrls(out);
            return 0;
        } catch (IOException e) {
            out.println("glasslink: the launcher's control API does not answer (" + e.getMessage() + ")");
            state.printStatus(out);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** Restarts one process through the running launcher and waits until it is ready again. */
    static int restart(PlatformSettings settings, String name, PrintStream out) {
        Optional<RunState.Control> control = new RunState(settings).control();
        if (control.isEmpty()) {
            out.println("glasslink is not running (or its launcher has no control API): nothing to restart");
            return 3;
        }
        ControlClient client = new ControlClient(control.get());
        try {
            out.println("restarting " + name + " ...");
            long t0 = System.nanoTime();
            ControlClient.Answer answer = client.post("/processes/" + name + "/restart");
            if (!answer.ok()) {
                out.println("glasslink: " + answer.detail());
                return answer.status() == 404 ? 2 : 1;
            }
            out.println(name + " runs again as pid " + answer.body().path("pid").asString() + "; waiting until it is ready");
            long deadline = t0 + settings.startupTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode p = client.get("/processes/" + name).body();
                String s = p.path("state").asString();
                if (s.equals("READY")) {
                    out.printf("%s is ready (%.1f s)%n", name, Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0);
                    return 0;
                }
                if (s.equals("FAILED") || s.equals("STOPPED") || s.equals("EXITED")) {
                    out.println(name + " is " + s + ": " + p.path("lastExit").asString() + " (log: " + p.path("logFile").asString() + ")");
                    return 1;
                }
                Thread.sleep(250);
            }
            out.println(name + " is not ready after " + settings.startupTimeout().toSeconds() + " s (GLASSLINK_STARTUP_TIMEOUT)");
            return 1;
        } catch (IOException e) {
            out.println("glasslink: the launcher's control API does not answer (" + e.getMessage() + ")");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
