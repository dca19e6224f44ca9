package org.levelfield.common.database;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Plain SQL over Micronaut Data JDBC's connection. Each call joins the caller's transaction, or
 * runs in its own when there is none.
 */
@Singleton
@Transactional
public class Sql {

    private final JdbcOperations jdbc;
    private final SqlStatistics statistics;

    public Sql(JdbcOperations jdbc, SqlStatistics statistics) {
        this.jdbc = jdbc;
        this.statistics = statistics;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            statistics.counted(out.size());
            return out;
        });
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        return query(sql, row, args).stream().findFirst();
    }

    public int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            int changed = ps.executeUpdate();
            statistics.counted(0);
            return changed;
        });
    }

    /** One statement run for many rows in a single JDBC batch (one round trip); returns the rows changed. */
    public int batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.prepareStatement(sql, ps -> {
            for (Object[] args : rows) {
                bind(ps, args);
                ps.addBatch();
            }
            int changed = 0;
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
            statistics.counted(0);
            return changed;
        });
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            switch (a) {
                case null -> ps.setNull(i + 1, Types.NULL);
                case Instant t -> ps.setTimestamp(i + 1, Timestamp.from(t));
                case LocalDate d -> ps.setObject(i + 1, d);
                case BigDecimal b -> ps.setBigDecimal(i + 1, b);
                case Enum<?> e -> ps.setString(i + 1, e.name());
                case java.util.UUID[] ids -> ps.setArray(i + 1, ps.getConnection().createArrayOf("uuid", ids));
                case String[] texts -> ps.setArray(i + 1, ps.getConnection().createArrayOf("text", texts));
                default -> ps.setObject(i + 1, a);
            }
        }
    }
}
