package io.glasslink.drill.invariants;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.glasslink.drill.platform.PlatformAccess;

/** Plain JDBC on the platform's databases, one short connection per question (PostgreSQL may have just restarted). */
final class Databases {

    private final PlatformAccess platform;

    Databases(PlatformAccess platform) {
        this.platform = platform;
    }

    /** A booking row: its status, saga step and failure reason. */
    record Booking(String reference, String status, String sagaStep, String failureReason) {
    }

    /** Bookings created from {@code since} up to (not including) {@code until}. */
    List<Booking> bookings(Instant since, Instant until) throws SQLException {
        List<Booking> rows = new ArrayList<>();
        try (Connection c = connect("booking"); PreparedStatement ps = c.prepareStatement(
                "select reference, status, saga_step, failure_reason from booking where created_at >= ? and created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setTimestamp(2, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Booking(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /** A count from one query on one database; {@code instants} fill its parameters in order. */
    long count(String database, String sql, Instant... instants) throws SQLException {
        try (Connection c = connect(database); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < instants.length; i++) {
                ps.setTimestamp(i + 1, Timestamp.from(instants[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of each row, as text. */
    List<String> column(String database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(database); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private Connection connect(String database) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(platform.jdbcUrl(database), platform.dbUser(), platform.dbPassword());
    }
}
