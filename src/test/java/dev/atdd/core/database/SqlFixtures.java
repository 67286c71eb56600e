package dev.atdd.core.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Migration files and one-value queries for the database tests. */
final class SqlFixtures {

    private SqlFixtures() {
    }

    static Path write(Path folder, String name, String sql) {
        try {
            return Files.writeString(folder.resolve(name), sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single value of a query that returns one row. */
    static String value(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next(), "no row: " + sql);
            String value = rs.getString(1);
            assertFalse(rs.next(), "more than one row: " + sql);
            return value;
        }
    }
}
