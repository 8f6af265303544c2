package io.glasslink.launcher.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.glasslink.launcher.process.ManagedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisorTest {

    private static final Supervisor.Policy FAST = new Supervisor.Policy(3, Duration.ofMillis(100), Duration.ofMillis(400),
            Duration.ofSeconds(60), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;
    private final List<ProcessUnit> units = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        units.forEach(ProcessUnit::kill);
    }

    @Test
    void aProcessKilledWithSigkillIsStartedAgainAfterTheBackoffAndTheCrashIsCounted() throws Exception {
        ProcessUnit unit = unit("svc", "exec sleep 300");
        Supervisor s = supervise(FAST, unit);
        await(s, "svc", st -> st.state() == Supervisor.State.READY);
        long first = unit.pid().orElseThrow();

        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        Supervisor.Status again = await(s, "svc", st -> st.state() == Supervisor.State.READY && st.restarts() == 1);
        assertThat(again.pid()).isNotNull().isNotEqualTo(first);
        assertThat(again.crashes()).isEqualTo(1);
        assertThat(again.lastExit()).isEqualTo("was killed (SIGKILL, code 137)");
        assertThat(again.lastExitAt()).isNotNull();
        assertThat(s.events(0)).extracting(Supervisor.Event::kind).containsSubsequence("READY", "RESTARTING", "STARTED", "READY");
        assertThat(lines).anyMatch(l -> l.startsWith("svc was killed (SIGKILL, code 137); restart 1 of at most 3 in a row in 0.1 s"));
    }

    @Test
    void aRestartedProcessWritesAfterWhatItsCrashedPredecessorLogged() throws Exception {
        ProcessUnit unit = unit("svc", "echo \"started as $$\"; exec sleep 300");
        Supervisor s = supervise(FAST, unit);
        await(s, "svc", st -> st.state() == Supervisor.State.READY);
        long first = unit.pid().orElseThrow();
        await(s, "svc", st -> logOf("svc").contains("started as " + first));

        unit.kill();
        long second = await(s, "svc", st -> st.restarts() == 1 && st.pid() != null).pid();

        await(s, "svc", st -> logOf("svc").contains("started as " + second));
        assertThat(logOf("svc")).contains("started as " + first);
    }

    private String logOf(String name) {
        try {
            return java.nio.file.Files.readString(dir.resolve(name + ".log"));
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aProcessThatKeepsCrashingIsLeftDownAfterTheLimitOfRestartsInARow() throws Exception {
        ProcessUnit unit = unit("crashy", "exit 3");
        Supervisor s = supervise(FAST, unit);

        Supervisor.Status failed = await(s, "crashy", st -> st.state() == Supervisor.State.FAILED);

        assertThat(failed.restarts()).isEqualTo(3);
        assertThat(failed.crashes()).isEqualTo(4);
        assertThat(failed.lastExit()).isEqualTo("exited with code 3");
        assertThat(lines).anyMatch(l -> l.contains("crashy exited with code 3; gave up after 3 restarts in a row"));
        Thread.sleep(600);
        assertThat(s.status("crashy").orElseThrow().restarts()).as("nothing more after giving up").isEqualTo(3);
    }

    @Test
    void aProcessThatEndsWithCodeZeroIsNotRestarted() throws Exception {
        ProcessUnit unit = unit("oneshot", "exit 0");
        Supervisor s = supervise(FAST, unit);

        Supervisor.Status exited = await(s, "oneshot", st -> st.state() == Supervisor.State.EXITED);

        assertThat(exited.restarts()).isZero();
        Thread.sleep(400);
        assertThat(s.status("oneshot").orElseThrow().state()).isEqualTo(Supervisor.State.EXITED);
    }

    @Test
    void restartsAreOffWithALimitOfZero() throws Exception {
        ProcessUnit unit = unit("svc", "exec sleep 300");
        Supervisor s = supervise(new Supervisor.Policy(0, Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofSeconds(60), Duration.ofSeconds(1)), unit);
        await(s, "svc", st -> st.state() == Supervisor.State.READY);

        unit.kill();

        assertThat(await(s, "svc", st -> st.state() == Supervisor.State.EXITED).restarts()).isZero();
    }

    @Test
    void aRestartOnRequestEndsTheOldProcessAndStartsANewOne() throws Exception {
        ProcessUnit unit = unit("svc", "exec sleep 300");
        Supervisor s = supervise(FAST, unit);
        await(s, "svc", st -> st.state() == Supervisor.State.READY);
        ProcessHandle old = ProcessHandle.of(unit.pid().orElseThrow()).orElseThrow();

        Supervisor.Status restarted = s.restart("svc");

        assertThat(old.isAlive()).isFalse();
        assertThat(restarted.pid()).isNotEqualTo(old.pid());
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.crashes()).as("a requested stop is no crash").isZero();
        assertThat(lines).anyMatch(l -> l.matches("svc stopped in \\d+\\.\\d s"));
    }

    @Test
    void aStoppedProcessStaysDownUntilStartedAgain() throws Exception {
        ProcessUnit unit = unit("kafka", "exec sleep 300");
        Supervisor s = supervise(FAST, unit);
        await(s, "kafka", st -> st.state() == Supervisor.State.READY);

        Supervisor.Status stopped = s.stop("kafka", true);
        Thread.sleep(500); // longer than the backoff: a crash would have been restarted by now

        assertThat(stopped.state()).isEqualTo(Supervisor.State.STOPPED);
        assertThat(s.status("kafka").orElseThrow().state()).isEqualTo(Supervisor.State.STOPPED);
        assertThat(unit.isAlive()).isFalse();
        assertThat(lines).anyMatch(l -> l.equals("kafka killed on request (SIGKILL); kept down until started"));

        s.start("kafka");

        assertThat(await(s, "kafka", st -> st.state() == Supervisor.State.READY).pid()).isNotNull();
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAtTheBoundAndTheStopSaysSo() throws Exception {
        ProcessUnit unit = unit("stubborn", "trap '' TERM; sleep 300; true");
        Supervisor s = supervise(FAST, unit);
        await(s, "stubborn", st -> st.state() == Supervisor.State.READY);
        Thread.sleep(200); // the shell has set its trap

        long t0 = System.nanoTime();
        ManagedProcess.Stopped stopped = s.stopForShutdown("stubborn");

        assertThat(stopped.killed()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(unit.isAlive()).isFalse();
        assertThat(lines).contains("stubborn did not stop within 1 s of SIGTERM: killed (SIGKILL)");
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        Supervisor.Policy p = Supervisor.Policy.onFailure(5);
        assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(5), p.backoff(6), p.backoff(40)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(16),
                        Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(p.stopGrace()).isEqualTo(Duration.ofSeconds(20));
    }

    private ProcessUnit unit(String name, String script) {
        Path log = dir.resolve(name + ".log");
        ProcessUnit unit = new ProcessUnit(name, log, () -> ManagedProcess.start(name, List.of("sh", "-c", script),
                java.util.Map.of(), dir, log, dir.resolve(name + ".pid")), () -> true);
        units.add(unit);
        return unit;
    }

    private Supervisor supervise(Supervisor.Policy policy, ProcessUnit... toWatch) {
        supervisor = new Supervisor(policy, Clock.systemUTC(), lines::add);
        for (ProcessUnit u : toWatch) {
            u.start();
            supervisor.add(u);
        }
        supervisor.watch();
        return supervisor;
    }

    private static Supervisor.Status await(Supervisor s, String name, Predicate<Supervisor.Status> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Supervisor.Status st = s.status(name).orElseThrow();
        while (!condition.test(st) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            st = s.status(name).orElseThrow();
        }
        assertThat(condition.test(st)).as("status of " + name + ": " + st + ", events " + s.events(0)).isTrue();
        return st;
    }
}
