package dev.atdd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypoTest {

    @Test
    void aNameWithinTwoEditsLetterCaseAsideResemblesTheWord() {
        assertTrue(Typo.resembles("Persistence", "persistence"));
        assertTrue(Typo.resembles("persistnce", "persistence"));
        assertTrue(Typo.resembles("presistence", "persistence"));
        assertFalse(Typo.resembles("persist", "persistence"));
        assertFalse(Typo.resembles("status", "name"));
    }

    @Test
    void theClosestKnownWordIsMeantAndNoneWhenAllAreFar() {
        assertEquals(Optional.of("name"), Typo.meant("nme", List.of("id", "names", "name")));
        assertEquals(Optional.of("total"), Typo.meant("Totl", List.of("title", "total")));
        assertEquals(Optional.empty(), Typo.meant("quantity", List.of("id", "name")));
    }
}
