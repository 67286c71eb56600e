package dev.atdd.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLiteralTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Cap'n Proto | 'Cap''n Proto'",
        "'          | ''''",
        "\"         | '\"'",
        "a\\b       | 'a\\b'",
        "é          | 'é'",
        "``         | ''",
    })
    void doublesQuotesAndKeepsEverythingElse(String text, String literal) {
        assertEquals(literal, SqlLiteral.render(text));
    }

    @Test
    void rejectsNul() {
        assertThrows(IllegalArgumentException.class, () -> SqlLiteral.render("a\0b"));
    }

    @Test
    void splitsATodoMarkerIntoAdjacentLiteralsThatPostgresJoins() {
        assertEquals("'see ⚠️ TO'\n'DO: x, to'\n'do : y'", SqlLiteral.render("see ⚠️ TODO: x, todo : y"));
    }

    @Test
    void quoteKeepsATodoMarkerInOneLiteralAsTheCatalogPrintsIt() {
        assertEquals("'it''s TODO: x'", SqlLiteral.quote("it's TODO: x"));
        assertThrows(IllegalArgumentException.class, () -> SqlLiteral.quote("a\0b"));
    }
}
