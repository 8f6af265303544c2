package io.glasslink.drill.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What every request of the load got back, and every booking the platform accepted, kept in the
 * drill's JVM (Gatling runs in it): the invariants and the per-fault table are computed from it,
 * while Gatling's own report shows the same requests as charts.
 */
public final class Outcomes {

    /**
     * One answer, sent at {@code sentAtMillis} and answered at {@code atMillis}: {@code status} -1 when
     * none came (refused, reset, timed out), with the error.
     */
    public record Request(long sentAtMillis, long atMillis, String name, int status, boolean retryAfter, String error) {

        public Request(long atMillis, String name, int status, boolean retryAfter, String error) {
            this(atMillis, atMillis, name, status, retryAfter, error);
        }

        /** Errors by kind, as the report counts them. */
        public String kind() {
            if (status < 0) {
                return error != null && error.toLowerCase().contains("timeout") ? "timeout" : "no answer";
            }
            if (status == 503) {
                return retryAfter ? "503 + Retry-After" : "503 without Retry-After";
            }
            if (status >= 500) {
                return Integer.toString(status);
            }
            if (status >= 400) {
                return Integer.toString(status);
            }
            return "ok";
        }

        /** A server error other than 503 with Retry-After (no answer at all is not a 5xx). */
        public boolean isUnexpected5xx() {
            return status >= 500 && !isRetryableUnavailable();
        }

        /** The platform's explicit "not now": 503 with a Retry-After. */
        public boolean isRetryableUnavailable() {
            return status == 503 && retryAfter;
        }
    }

    /**
     * A span of time in which a part of the platform is down on purpose (a killed or restarting process,
     * Kafka or PostgreSQL held down, both link paths cut), from the fault to the platform's recovery:
     * a request sent inside it, or still in flight when it began, may be answered 503 with Retry-After.
     */
    public record Unavailable(long fromMillis, long toMillis, String why) {

        /** The request was sent inside the span, or sent before it and answered after the fault (a kill mid-request). */
        public boolean covers(Request r) {
            return r.sentAtMillis() <= toMillis && r.atMillis() >= fromMillis;
        }
    }

    /** A booking answered 201 (partner) or redirected to its confirmation (web). */
    public record Accepted(String reference, long atMillis, String channel, String status) {
    }

    private static final ConcurrentLinkedQueue<Request> REQUESTS = new ConcurrentLinkedQueue<>();
    private static final Map<String, Accepted> ACCEPTED = new ConcurrentHashMap<>();
    private static final ConcurrentLinkedQueue<String> MISMATCHES = new ConcurrentLinkedQueue<>();
    private static volatile boolean finished;

    private Outcomes() {
    }

    /** Forgets everything: a new drill. */
    public static void reset() {
        REQUESTS.clear();
        ACCEPTED.clear();
        MISMATCHES.clear();
        finished = false;
    }

    public static void request(String name, int status, boolean retryAfter, String error) {
        long now = System.currentTimeMillis();
        REQUESTS.add(new Request(now, now, name, status, retryAfter, error));
    }

    public static void request(long sentAtMillis, String name, int status, boolean retryAfter, String error) {
        REQUESTS.add(new Request(sentAtMillis, System.currentTimeMillis(), name, status, retryAfter, error));
    }

    public static void accepted(String reference, String channel, String status) {
        ACCEPTED.putIfAbsent(reference, new Accepted(reference, System.currentTimeMillis(), channel, status));
    }

    /** An Idempotency-Key replay that did not answer the same booking. */
    public static void replayMismatch(String what) {
        MISMATCHES.add(what);
    }

    public static List<Request> requests(long fromMillis, long toMillis) {
        List<Request> in = new ArrayList<>();
        for (Request r : REQUESTS) {
            if (r.atMillis() >= fromMillis && r.atMillis() < toMillis) {
                in.add(r);
            }
        }
        return in;
    }

    public static Collection<Accepted> accepted() {
        return List.copyOf(ACCEPTED.values());
    }

    public static List<String> replayMismatches() {
        return List.copyOf(MISMATCHES);
    }

    /** The first answer after {@code fromMillis} matching what a fault breaks, if one came. */
    public static Optional<Request> firstUnexpected(long fromMillis) {
        return REQUESTS.stream().filter(r -> r.atMillis() >= fromMillis && (r.status() < 0 || r.status() >= 500))
                .min(java.util.Comparator.comparingLong(Request::atMillis));
    }

    /** Ends the load: the simulation's watcher stops Gatling. */
    public static void finish() {
        finished = true;
    }

    public static boolean finished() {
        return finished;
    }
}
