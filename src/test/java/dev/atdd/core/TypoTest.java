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
        // A swap of neighbours is one edit; a name is no slip for one it shares no letter with.
        assertEquals(Optional.of("id"), Typo.meant("di", List.of("id", "name")));
        assertEquals(Optional.of("table"), Typo.meant("tabel", List.of("strategy", "table")));
        assertEquals(Optional.empty(), Typo.meant("c", List.of("a", "b")));
        assertEquals(" (did you mean relational?)", Typo.didYouMean("relatonal", List.of("jsonb", "relational")));
        assertEquals("", Typo.didYouMean("blob", List.of("none", "jsonb", "relational")));
    }
}
