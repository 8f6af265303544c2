package io.glasslink.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stops an embedded PostgreSQL server when the test JVM that started it ends, however it ends.
 * PostgreSQL runs as processes of its own (in a session of its own), so a JVM that exits without
 * running Boot's shutdown handlers (a plain JUnit test, a Surefire timeout, {@code kill -9}) would
 * otherwise leave one server and its data directory behind at every build.
 */
final class ServerWatchdog {

    private ServerWatchdog() {
    }

    /** Starts a small shell that waits for this JVM to end, then stops the server and deletes its data directory. */
    static void stopWithThisJvm(PostgresServer server) {
        Path dataDir;
        long postmaster;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show data_directory")) {
            rs.next();
            dataDir = Path.of(rs.getString(1));
            postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (SQLException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot find the embedded PostgreSQL's postmaster to watch over it", e);
        }
        long jvm = ProcessHandle.current().pid();
        // SIGINT is PostgreSQL's fast shutdown; SIGKILL only if it has not stopped after 30 s
        String script = """
                while kill -0 %1$d 2>/dev/null; do sleep 0.5; done
                kill -INT %2$d 2>/dev/null
                i=0; while kill -0 %2$d 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done
                kill -KILL %2$d 2>/dev/null
                rm -rf '%3$s'
                """.formatted(jvm, postmaster, dataDir.toString().replace("'", ""));
        try {
            new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL's watchdog", e);
        }
    }
}
