package io.glasslink.launcher.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import io.glasslink.launcher.process.ManagedProcess;

/**
 * Keeps the platform's processes running, like a container engine's {@code on-failure} restart
 * policy: a process that ends with a non-zero code (a crash, {@code kill -9}) is started again
 * after a backoff that doubles from {@link Policy#firstBackoff()} up to {@link Policy#maxBackoff()},
 * and given up (state {@link State#FAILED}) after {@link Policy#limit()} restarts in a row that did
 * not stay up for {@link Policy#stableAfter()}. Every exit, restart and readiness change is logged
 * and counted in {@link #status()}. Ops restart, stop and start a process through the same object,
 * so the launcher always holds the process that runs and {@code stop} ends it.
 */
public final class Supervisor implements AutoCloseable {

    /** Where a process stands. */
    public enum State {
        /** Started, not answering as ready yet. */
        STARTING,
        READY,
        /** Crashed; a restart is due after the backoff. */
        RESTARTING,
        /** Being stopped by ops or by the launcher. */
        STOPPING,
        /** Stopped by ops; stays down until started. */
        STOPPED,
        /** Crashed more often in a row than the policy allows; stays down. */
        FAILED,
        /** Ended with code 0 (not a failure: not restarted), or crashed with restarts turned off. */
        EXITED
    }

    /** The restart policy; a {@code limit} of 0 turns restarts off. */
    public record Policy(int limit, Duration firstBackoff, Duration maxBackoff, Duration stableAfter, Duration stopGrace) {

        /** 1 s, doubling up to 30 s; a process up for 60 s counts as stable again; 20 s from SIGTERM to SIGKILL. */
        public static Policy onFailure(int limit) {
            return new Policy(limit, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(20));
        }

        /** The wait before the {@code attempt}-th restart in a row (1-based). */
        public Duration backoff(int attempt) {
            Duration d = firstBackoff;
            for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }

    /** One process as {@code status} shows it. */
    public record Status(String name, State state, Long pid, int crashes, int restarts, String lastExit,
                         OffsetDateTime lastExitAt, OffsetDateTime startedAt, OffsetDateTime readyAt, String logFile) {
    }

    /** Something that happened to a process: {@code kind} is EXITED, RESTARTING, STARTED, READY, STOPPED, KILLED or FAILED. */
    public record Event(long seq, OffsetDateTime at, String name, String kind, String text) {
    }

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final long POLL_MILLIS = 100;
    private static final Duration PROBE_EVERY = Duration.ofMillis(500);
    private static final int EVENTS_KEPT = 1000;

    private final Policy policy;
    private final Clock clock;
    private final Consumer<String> log;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Deque<Event> events = new ArrayDeque<>();
    private long nextSeq = 1;
    private volatile boolean closed;
    private boolean watching;

    public Supervisor(Policy policy, Clock clock, Consumer<String> log) {
        this.policy = policy;
        this.clock = clock;
        this.log = log;
    }

    public Policy policy() {
        return policy;
    }

    /** Takes over a process that has just been started (by the platform's start-up). */
    public synchronized void add(Supervised unit) {
        Slot slot = new Slot(unit);
        slots.put(unit.name(), slot);
        if (watching) {
            slot.thread.start();
        }
    }

    /** Starts watching every process added, and those added later. */
    public synchronized void watch() {
        if (!watching) {
            watching = true;
            slots.values().forEach(s -> s.thread.start());
        }
    }

    /** Every process in the order added. */
    public synchronized List<Status> status() {
        return slots.values().stream().map(Slot::status).toList();
    }

    /** One process, if there is one by that name. */
    public synchronized Optional<Status> status(String name) {
        return Optional.ofNullable(slots.get(name)).map(Slot::status);
    }

    /** Names of the processes, in the order added. */
    public synchronized List<String> names() {
        return List.copyOf(slots.keySet());
    }

    /** Events after {@code afterSeq}, oldest first. */
    public List<Event> events(long afterSeq) {
        synchronized (events) {
            return events.stream().filter(e -> e.seq() > afterSeq).toList();
        }
    }

    /**
     * Stops the process (SIGTERM, SIGKILL after the policy's stop grace) and starts it again; returns
     * once the new process runs. A restart by ops resets the count of restarts in a row.
     */
    public Status restart(String name) {
        Slot s = slot(name);
        synchronized (s.lock) {
            requireOpen();
            s.state = State.STOPPING;
            event(s, "STOPPING", "restart requested");
            stopLogged(s);
            s.consecutive = 0;
            s.startNow("restarted on request");
            return s.status();
        }
    }

    /**
     * Stops the process and keeps it down until {@link #start(String)}: gently (SIGTERM, bounded) or,
     * with {@code kill}, with SIGKILL as a crash would.
     */
    public Status stop(String name, boolean kill) {
        Slot s = slot(name);
        synchronized (s.lock) {
            requireOpen();
            s.state = State.STOPPING;
            if (kill) {
                s.unit.kill();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (s.unit.isAlive() && System.nanoTime() < deadline) {
                    sleep(20);
                }
                event(s, "KILLED", "killed on request (SIGKILL); kept down until started");
            } else {
                stopLogged(s);
            }
            s.state = State.STOPPED;
            return s.status();
        }
    }

    /** Starts a process that is down (stopped, failed or exited); a running one is left as it is. */
    public Status start(String name) {
        Slot s = slot(name);
        synchronized (s.lock) {
            requireOpen();
            if (s.state == State.STOPPED || s.state == State.FAILED || s.state == State.EXITED || s.state == State.RESTARTING) {
                s.consecutive = 0;
                s.startNow("started on request");
            }
            return s.status();
        }
    }

    /** Stops watching: nothing is restarted any more. The caller then stops the processes in its own order. */
    @Override
    public void close() {
        closed = true;
        List<Slot> all;
        synchronized (this) {
            all = new ArrayList<>(slots.values());
        }
        for (Slot s : all) {
            // waits for a start in progress to finish, so nothing starts after this returns
            synchronized (s.lock) {
                s.state = State.STOPPING;
            }
            s.thread.interrupt();
        }
        for (Slot s : all) {
            try {
                s.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stop of one process at shutdown, logged the same way as any stop: how long it took, or that it was killed. */
    public ManagedProcess.Stopped stopForShutdown(String name) {
        Slot s = slot(name);
        synchronized (s.lock) {
            s.state = State.STOPPING;
            ManagedProcess.Stopped stopped = stopLogged(s);
            s.state = State.STOPPED;
            return stopped;
        }
    }

    private ManagedProcess.Stopped stopLogged(Slot s) {
        if (!s.unit.isAlive()) {
            return new ManagedProcess.Stopped(Duration.ZERO, false);
        }
        ManagedProcess.Stopped stopped = s.unit.stop(policy.stopGrace());
        if (stopped.killed()) {
            event(s, "KILLED", String.format("did not stop within %d s of SIGTERM: killed (SIGKILL)", policy.stopGrace().toSeconds()));
        } else {
            event(s, "STOPPED", String.format("stopped in %.1f s", stopped.took().toMillis() / 1000.0));
        }
        return stopped;
    }

    private Slot slot(String name) {
        synchronized (this) {
            Slot s = slots.get(name);
            if (s == null) {
                throw new IllegalArgumentException("no process named '" + name + "'; there are: " + String.join(", ", slots.keySet()));
            }
            return s;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the platform is stopping");
        }
    }

    private void event(Slot s, String kind, String text) {
        event(s, kind, text, true);
    }

    private void event(Slot s, String kind, String text, boolean print) {
        OffsetDateTime at = now();
        synchronized (events) {
            events.addLast(new Event(nextSeq++, at, s.unit.name(), kind, text));
            while (events.size() > EVENTS_KEPT) {
                events.removeFirst();
            }
        }
        if (print) {
            log.accept(s.unit.name() + " " + text);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    /** One supervised process and the thread that watches it. */
    private final class Slot implements Runnable {

        final Supervised unit;
        /** Held while the process is started or stopped; the fields are written under it and read without it. */
        final Object lock = new Object();
        final Thread thread;
        volatile State state = State.STARTING;
        volatile int crashes;
        volatile int restarts;
        volatile int consecutive;
        volatile String lastExit;
        volatile OffsetDateTime lastExitAt;
        volatile OffsetDateTime startedAt = now();
        volatile OffsetDateTime readyAt;
        long startedNanos = System.nanoTime();
        long exitedNanos;
        long dueNanos;
        long generation;
        long nextProbeNanos;

        Slot(Supervised unit) {
            this.unit = unit;
            this.thread = new Thread(this, "supervise-" + unit.name());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                State seen;
                long gen;
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    if ((state == State.STARTING || state == State.READY) && !unit.isAlive()) {
                        exited();
                        continue;
                    }
                    if (state == State.RESTARTING && System.nanoTime() >= dueNanos) {
                        restartAfterCrash();
                        continue;
                    }
                    seen = state;
                    gen = generation;
                }
                if (seen == State.STARTING && System.nanoTime() >= nextProbeNanos) {
                    nextProbeNanos = System.nanoTime() + PROBE_EVERY.toNanos();
                    boolean ready = unit.isReady(); // an HTTP probe: outside the lock, so ops are not held up
                    synchronized (lock) {
                        if (ready && generation == gen && state == State.STARTING) {
                            state = State.READY;
                            readyAt = now();
                            // the first readiness is start-up's to report; the event is kept for the control API
                            event(this, "READY", (restarts == 0 ? "ready" : "ready again") + " ("
                                    + seconds(System.nanoTime() - startedNanos) + " after its start"
                                    + (exitedNanos == 0 ? "" : ", " + seconds(System.nanoTime() - exitedNanos) + " after it went down") + ")",
                                    restarts > 0);
                        }
                    }
                }
            }
        }

        /** The process ended while it should run: apply the policy. */
        private void exited() {
            OptionalInt code = unit.exitCode();
            exitedNanos = System.nanoTime();
            lastExitAt = now();
            lastExit = code.isPresent() ? ManagedProcess.describeExit(code.getAsInt()) : "ended";
            boolean clean = code.isPresent() && code.getAsInt() == 0;
            if (!clean) {
                crashes++;
            }
            if (exitedNanos - startedNanos >= policy.stableAfter().toNanos()) {
                consecutive = 0;
            }
            if (clean) {
                state = State.EXITED;
                event(this, "EXITED", lastExit + "; not restarted (restart policy: on-failure)");
            } else if (policy.limit() == 0) {
                state = State.EXITED;
                event(this, "EXITED", lastExit + "; not restarted (restarts are off: GLASSLINK_RESTART_LIMIT=0)");
            } else if (consecutive >= policy.limit()) {
                state = State.FAILED;
                event(this, "FAILED", lastExit + "; gave up after " + consecutive + " restarts in a row (log: " + unit.logFile() + ")");
            } else {
                scheduleRestart(lastExit + (code.isPresent() ? "" : " (exit code unknown)"));
            }
        }

        private void scheduleRestart(String why) {
            consecutive++;
            Duration backoff = policy.backoff(consecutive);
            dueNanos = System.nanoTime() + backoff.toNanos();
            state = State.RESTARTING;
            event(this, "RESTARTING", why + "; restart " + consecutive + " of at most " + policy.limit()
                    + " in a row in " + seconds(backoff.toNanos()));
        }

        private void restartAfterCrash() {
            try {
                startNow("restarted");
            } catch (RuntimeException e) {
                lastExit = "could not start: " + e.getMessage();
                if (consecutive >= policy.limit()) {
                    state = State.FAILED;
                    event(this, "FAILED", lastExit + "; gave up after " + consecutive + " restarts in a row");
                } else {
                    scheduleRestart(lastExit);
                }
            }
        }

        /** Starts a new process now (the caller holds the lock). */
        void startNow(String what) {
            unit.start();
            restarts++;
            generation++;
            startedNanos = System.nanoTime();
            startedAt = now();
            readyAt = null;
            nextProbeNanos = 0;
            state = State.STARTING;
            event(this, "STARTED", what + " (pid " + unit.pid().orElse(-1) + ")");
        }

        Status status() {
            return new Status(unit.name(), state, unit.isAlive() ? unit.pid().stream().boxed().findFirst().orElse(null) : null,
                    crashes, restarts, lastExit, lastExitAt, startedAt, readyAt, unit.logFile().toString());
        }
    }
}
