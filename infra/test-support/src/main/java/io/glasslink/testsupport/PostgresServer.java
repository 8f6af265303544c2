package io.glasslink.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server. Each caller may ask for its own database so that test classes do
 * not see each other's rows.
 */
public final class PostgresServer {

    private static final Pattern DB_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String username;
    private final String password;

    PostgresServer(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String username() { return username; }
    public String password() { return password; }

    /** JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates {@code name} if it does not exist yet and returns its JDBC URL. */
    public synchronized String createDatabase(String name) {
        String db = name.toLowerCase(Locale.ROOT);
        if (!DB_NAME.matcher(db).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + db + "'");
            if (!rs.next()) {
                s.execute("create database " + db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
        return jdbcUrl(db);
    }
}
