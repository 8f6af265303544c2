package io.glasslink.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import io.glasslink.launcher.process.LaunchException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from zonky's binaries. The server is its own OS process; this object only holds
 * the handle that starts and stops it. The data directory persists between runs.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server on {@code port} (initialising {@code dataDir} on first use), then makes
     * sure role {@code user} and each of {@code databases} exist.
     */
    public static LocalPostgres start(Path dataDir, Path binariesDir, int port, Path logFile,
                                      String user, String password, List<String> databases) {
        try {
            Files.createDirectories(dataDir.getParent());
            Files.createDirectories(binariesDir);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB")
                    // local data: losing the last few commits on a crash is fine, corruption is not
                    .setServerConfig("synchronous_commit", "off")
                    .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalPostgres local = new LocalPostgres(pg, dataDir);
            local.provision(user, password, databases);
            return local;
        } catch (IOException | SQLException e) {
            throw new LaunchException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + " (log: " + logFile + ")", e);
        }
    }

    private void provision(String user, String password, List<String> databases) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var role = s.executeQuery("select 1 from pg_roles where rolname = '" + user + "'");
            if (!role.next()) {
                s.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
            }
            for (String db : databases) {
                var exists = s.executeQuery("select 1 from pg_database where datname = '" + db + "'");
                if (!exists.next()) {
                    s.execute("create database " + db + " owner " + user);
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of one database. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Pid of the postmaster (first line of {@code postmaster.pid}), for memory figures and stop. */
    public OptionalLong pid() {
        return postmasterPid(dataDir);
    }

    /** Pid of the postmaster that runs on {@code dataDir}, if one does. */
    public static OptionalLong postmasterPid(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                return OptionalLong.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // not running
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new LaunchException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
