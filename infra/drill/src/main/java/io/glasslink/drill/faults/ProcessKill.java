package io.glasslink.drill.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.glasslink.drill.platform.LauncherControl;

/**
 * {@code kill -9} of one process; the launcher's restart policy brings it back. With {@code midSaga}
 * (booking-web) the kill waits until a booking's saga is running: a row whose saga step is not DONE.
 */
public record ProcessKill(String process, boolean midSaga) implements Fault {

    @Override
    public boolean takesAPartAway() {
        return true;
    }

    @Override
    public String name() {
        return "kill -9 " + process + (midSaga ? " mid-saga" : "");
    }

    @Override
    public Timeline inject(FaultContext c) throws Exception {
        LauncherControl.Process before = c.launcher().process(process);
        if (before.pid() == null) {
            throw new IllegalStateException(process + " does not run: " + before);
        }
        String note = "";
        if (midSaga) {
            List<String> inFlight = awaitSagaInFlight(c, Duration.ofSeconds(60));
            note = inFlight.isEmpty() ? "no saga was running within 60 s: killed anyway"
                    : "sagas running at the kill: " + String.join(", ", inFlight);
        }
        long seq = c.launcher().lastEventSeq();
        long injected = System.currentTimeMillis();
        ProcessHandle.of(before.pid()).ifPresent(ProcessHandle::destroyForcibly);
        c.say("killed " + process + " (pid " + before.pid() + ")" + (note.isEmpty() ? "" : "; " + note));
        Optional<LauncherControl.Event> seen = FaultContext.poll(() -> c.launcher().firstEvent(seq, process, "RESTARTING", "FAILED", "EXITED"),
                Duration.ofMillis(50), Duration.ofSeconds(30));
        Optional<LauncherControl.Event> started = FaultContext.poll(() -> c.launcher().firstEvent(seq, process, "STARTED"),
                Duration.ofMillis(100), Duration.ofSeconds(120));
        return new Timeline(injected, seen.map(e -> e.at().toInstant().toEpochMilli()).orElse(null),
                "the launcher saw the exit", started.map(e -> e.at().toInstant().toEpochMilli()).orElse(System.currentTimeMillis()), note);
    }

    private static List<String> awaitSagaInFlight(FaultContext c, Duration patience) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Connection db = DriverManager.getConnection(c.platform().jdbcUrl("booking"), c.platform().dbUser(), c.platform().dbPassword());
             Statement st = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                List<String> refs = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select reference || ' (' || saga_step || ')' from booking"
                        + " where saga_step <> 'DONE' and status in ('REQUESTED', 'PENDING') order by created_at desc limit 5")) {
                    while (rs.next()) {
                        refs.add(rs.getString(1));
                    }
                }
                if (!refs.isEmpty()) {
                    return refs;
                }
                FaultContext.sleep(10);
            }
        }
        return List.of();
    }
}
