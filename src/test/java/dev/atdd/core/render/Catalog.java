package dev.atdd.core.render;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs generated SQL on a test database and reads back what PostgreSQL made of it. */
final class Catalog {

    private final DataSource database;

    Catalog(DataSource database) {
        this.database = database;
    }

    void apply(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Every row of a query, each row's columns joined by {@code |}. */
    List<String> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c > 1 ? "|" : "").append(result.getString(c));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }

    /** {@code name|data_type|is_nullable} for each column of a table, in order. */
    List<String> columns(String table) throws SQLException {
        return rows("SELECT column_name, data_type, is_nullable FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table);
    }

    List<String> indexDefinitions(String table) throws SQLException {
        return rows("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ? ORDER BY indexname",
                table);
    }

    boolean rowLevelSecurity(String table) throws SQLException {
        return rows("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass(quote_ident(?))", table)
                .equals(List.of("t"));
    }

    String tableComment(String table) throws SQLException {
        return rows("SELECT obj_description(to_regclass(quote_ident(?)), 'pg_class')", table).get(0);
    }

    /** Inserts one row through JDBC parameters (not our literal renderer); false when PostgreSQL refuses it. */
    boolean accepts(String insertSql, Object... values) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(insertSql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState()) || "23502".equals(e.getSQLState())) {
                return false; // check_violation, not_null_violation
            }
            throw e;
        }
    }
}
