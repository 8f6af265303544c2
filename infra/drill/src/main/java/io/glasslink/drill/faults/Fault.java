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
     * When the fault began, when the platform (or a caller) first showed it and by which sign, and
     * when the fault itself ended (the process runs again, the link is back). Epoch milliseconds.
     */
    record Timeline(long injectedAt, Long detectedAt, String detectedBy, long endedAt, String note) {
    }
}
