package io.glasslink.drill.faults;

/** Something the drill breaks on purpose; {@link #inject(FaultContext)} returns once the fault itself is over. */
public interface Fault {

    /** What the report calls it. */
    String name();

    /**
     * Breaks, holds and ends the fault (a killed process is brought back by the launcher's restart
     * policy, a stopped one or a cut link by the drill) and says when each happened.
     */
    Timeline inject(FaultContext context) throws Exception;

    /**
     * Whether the fault takes away a part some requests need (a process, Kafka, PostgreSQL, both link
     * paths), so that a 503 with Retry-After is the right answer until the platform recovers; a Direct
     * Connect cut does not (the VPN carries on).
     */
    boolean takesAPartAway();

    /**
     * When the fault began, when the platform (or a caller) first showed it and by which sign, and
     * when the fault itself ended (the process runs again, the link is back). Epoch milliseconds.
     */
    record Timeline(long injectedAt, Long detectedAt, String detectedBy, long endedAt, String note) {
    }
}
