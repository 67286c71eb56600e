package dev.atdd.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Postgres15.class)
class Postgres15Test {

    @Test
    void runsPostgres15WithUtf8AndTheCLocale(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals("15", single(statement, "SELECT current_setting('server_version_num')").substring(0, 2));
            assertEquals("UTF8", single(statement, "SHOW server_encoding"));
            assertEquals("C", single(statement, "SELECT datcollate FROM pg_database WHERE datname = current_database()"));
            assertEquals("é", single(statement, "SELECT 'é'"));
        }
    }

    @Test
    void givesEachParameterItsOwnEmptyDatabase(DataSource first, DataSource second) throws SQLException {
        try (Connection a = first.getConnection(); Connection b = second.getConnection();
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("CREATE TABLE only_in_first (id INTEGER)");
            assertFalse(single(sa, "SELECT current_database()").equals(single(sb, "SELECT current_database()")));
            assertEquals("0", single(sb, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
