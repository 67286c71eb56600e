package dev.atdd.core.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.contract.ContractLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableNameTest {

    private static final Path FILE = Path.of("contracts/x.schema.json");

    @ParameterizedTest
    @CsvSource({
            "match, dilemma, current, match_dilemma_current",
            "commons, ux, foundations, commons_ux_foundations",
            "Match, playerStats, dailyHighScore, match_player_stats_daily_high_score",
            "billing, invoice-lines, line-item, billing_invoice_lines_line_item",
            "a, b__c, d.e, a_b_c_d_e",
            "shop, HTTPServer, état, shop_http_server_tat",
    })
    void derivesThemeDomainAspectInSnakeCase(String theme, String domain, String aspect, String expected) {
        TableName name = TableName.of(FILE, new ContractLocation(theme, domain, aspect, "p"), Optional.empty());

        assertEquals(expected, name.value());
        assertFalse(name.shortened());
    }

    @Test
    void theContractsOwnTableNameWins() {
        assertEquals("skins", TableName.of(FILE, new ContractLocation("a", "b", "c", "p"), Optional.of("skins")).value());
    }

    @Test
    void aNameLongerThan63BytesIsShortenedDeterministicallyAndStaysDistinct() {
        String longAspect = "a_very_long_aspect_name_that_goes_on_and_on_and_on_beyond_the_limit";
        TableName first = TableName.of(FILE, new ContractLocation("theme", "domain", longAspect + "_one", "p"),
                Optional.empty());
        TableName second = TableName.of(FILE, new ContractLocation("theme", "domain", longAspect + "_two", "p"),
                Optional.empty());

        assertTrue(first.shortened());
        assertEquals(63, first.value().getBytes(StandardCharsets.UTF_8).length);
        assertNotEquals(first.value(), second.value());
        assertEquals(first, TableName.of(FILE, new ContractLocation("theme", "domain", longAspect + "_one", "p"),
                Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource({"2024, q1, report", "$$, ux, skin", "a, b, @"})
    void aNameThatCannotStartWithALetterIsAnErrorThatSaysWhatToDo(String theme, String domain, String aspect) {
        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> TableName.of(FILE, new ContractLocation(theme, domain, aspect, "p"), Optional.empty()));

        assertTrue(failure.getMessage().contains("persistence.table"), failure.getMessage());
    }

    @Test
    void aPartThatGivesNoLettersIsNamedRatherThanTheNameSaidToStartBadly() {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> TableName.of(FILE,
                new ContractLocation("über", "ñandú", "日本語", "p"), Optional.empty()));

        assertTrue(failure.getMessage().contains("the aspect \"日本語\" gives no part of a table name"),
                failure.getMessage());
    }
}
