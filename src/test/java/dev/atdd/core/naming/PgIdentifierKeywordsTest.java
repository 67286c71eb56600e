package dev.atdd.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atdd.testing.Postgres15;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PgIdentifier's reserved words are exactly PostgreSQL 15's reserved (R) and type/function-name (T) keywords. */
@ExtendWith(Postgres15.class)
class PgIdentifierKeywordsTest {

    @Test
    void reservedSetEqualsPostgres15Keywords(DataSource database) throws Exception {
        Set<String> postgres = new TreeSet<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')")) {
            while (rows.next()) {
                postgres.add(rows.getString(1));
            }
        }

        assertEquals(postgres, new TreeSet<>(reservedField()));
        for (String word : postgres) {
            assertEquals(true, PgIdentifier.isReserved(word), word);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> reservedField() throws ReflectiveOperationException {
        Field field = PgIdentifier.class.getDeclaredField("RESERVED");
        field.setAccessible(true);
        return (Set<String>) field.get(null);
    }

    @Test
    void wordsPostgresAllowsAsColumnNamesStayBare(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bare (time TEXT, timestamp TEXT, values TEXT)");
        }
        for (String word : Set.of("time", "timestamp", "values")) {
            assertEquals(word, PgIdentifier.render(word));
        }
    }
}
