package dev.atdd.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCommentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'line\nbreak'                 | 'line break'",
        "'cr\rlf\r\nnel\u0085ls\u2028' | 'cr lf  nel ls '",
        "'tab\tbell\u0007'             | 'tab bell '",
        "'⚠️ TODO: x'                  | '⚠️ TO-DO: x'",
        "'-- todo : y'                 | '-- to-do : y'",
        "'Cap''n é'                    | 'Cap''n é'",
    })
    void keepsTextOnOneLineWithoutTodoMarkers(String text, String expected) {
        assertEquals(expected, SqlComment.text(text));
    }

    @Test
    void turnsNulIntoASpace() {
        assertEquals("a b", SqlComment.text("a\0b"));
    }
}
