package dev.atdd.core.types;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.types.PatternTranslation.Translated;
import dev.atdd.core.types.PatternTranslation.Untranslatable;
import dev.atdd.testing.Postgres15;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL expands counted repetitions into copies of the repeated part, and nested counts multiply:
 * {@code (?:\+\d{0,255}){0,255}} compiles in a CHECK (regular expressions are compiled on first use) but
 * then every INSERT fails with "regular expression is too complex". Such patterns are refused with a note.
 * (The third case is HostileContractsOnPostgresTest seed 5810.)
 */
@ExtendWith(Postgres15.class)
class PatternSizeOnPostgresTest {

    /** Each pattern, and by hand the same language as a PostgreSQL regular expression. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "^(?:a{0,255}){0,100}$ => ^(?:a{0,255}){0,100}$",
        "((ab|c){1,255}){1,100} => ((ab|c){1,255}){1,100}",
        "`[^a-fà-ÿ\\w ]?(?:\\+\\d{0,255}){0,255}9{2,2}?|\\?+?[^\\-.]^[ _c]{0,255}[^\\w0-5{?]{0}` => "
            + "`[^ 0-9A-Z_a-zà-ÿ]?(?:\\+[0-9]{0,255}){0,255}9{2}|\\?+[^\\-.]^[ _c]{0,255}[^0-9?A-Z_a-{]{0}`",
    })
    void nestedCountsPostgresCannotCompileAreRefused(String pattern, String postgresForm, DataSource database)
            throws SQLException {
        Untranslatable refused = assertInstanceOf(Untranslatable.class, PatternTranslation.translate(pattern));
        assertTrue(refused.reason().contains("too large for PostgreSQL"), refused.reason());
        // The refusal is needed: PostgreSQL itself cannot use the pattern.
        assertTrue(!compiles(database, postgresForm), postgresForm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"^.{1,255}$", "^[a-z0-9]{1,63}(\\.[a-z0-9]{1,63}){0,126}$", "(?:a{0,100}){0,100}",
        "(?:a{0,100}){0,50}(?:b{0,100}){0,50}", "^(\\d{1,3}\\.){3}\\d{1,3}$", "(?:a+){0,255}"})
    void patternsWithinTheLimitAreTranslatedAndPostgresUsesThem(String pattern, DataSource database)
            throws SQLException {
        Translated translated = assertInstanceOf(Translated.class, PatternTranslation.translate(pattern));
        assertTrue(compiles(database, translated.postgresRegex()), translated.postgresRegex());
    }

    private static boolean compiles(DataSource database, String regex) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement match = connection.prepareStatement("SELECT 'x' ~ ?")) {
            match.setString(1, regex);
            match.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if ("2201B".equals(e.getSQLState()) && e.getMessage().contains("too complex")) {
                return false;
            }
            throw e;
        }
    }
}
