package dev.atdd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineBreaksTest {

    /** Each line's first character, walking the breaks forwards. */
    private static List<Integer> lineStarts(String text) {
        LineBreaks breaks = new LineBreaks(text);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = breaks.next(0); i >= 0; i = breaks.next(starts.get(starts.size() - 1))) {
            starts.add(breaks.lineAfter(i));
        }
        return starts;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a\\nbc\\nd     | 0,2,5",
            "a\\r\\nbc\\r\\nd | 0,3,7",
            "a\\rbc\\rd     | 0,2,5",
            "a\\r\\rb\\n\\rc | 0,2,3,5,6",
            "a\\n          | 0,2",
            "a\\r          | 0,2",
            "abc          | 0"
    })
    void linesEndAtLfCrlfAndALoneCr(String written, String starts) {
        String text = written.strip().replace("\\r", "\r").replace("\\n", "\n");

        assertEquals(List.of(starts.split(",")).stream().map(Integer::valueOf).toList(), lineStarts(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 | 1 | 0",
            "3 | 2 | 3",
            "5 | 2 | 3",
            "6 | 3 | 6",
            "8 | 4 | 8",
            "9 | 4 | 8"
    })
    void lineOfAnOffsetCountsEveryKindOfBreak(int offset, int line, int start) {
        // Lines start at 0, 3 (after \r), 6 (after \r\n) and 8 (after \n); offset 5 is the \n of \r\n.
        String text = "ab\rc\r\nd\ne";

        assertEquals(new LineBreaks.Line(line, start), LineBreaks.lineOf(text, offset));
    }

    @Test
    void anOffsetBetweenTheCrAndTheLfOfABreakIsOnTheLineItEnds() {
        assertEquals(new LineBreaks.Line(1, 0), LineBreaks.lineOf("a\r\nb", 2));
        assertEquals(new LineBreaks.Line(3, 3), LineBreaks.lineOf("a\n\rb", 3));
    }

    @Test
    void aLeadingByteOrderMarkTakesNoColumnOfTheFirstLineOnly() {
        String text = "\uFEFFab\n\uFEFFc";

        assertEquals(1, LineBreaks.firstLineStart(text));
        assertEquals(0, LineBreaks.firstLineStart("ab\uFEFF"));
        assertEquals(0, LineBreaks.firstLineStart(""));
        assertEquals(new LineBreaks.Line(1, 1), LineBreaks.lineOf(text, 2));
        assertEquals(new LineBreaks.Line(2, 4), LineBreaks.lineOf(text, 5));
    }

    @Test
    void aPartOfTheTextFindsItsOwnCarriageReturnsAndNoneAfterIt() {
        String text = "a\rb\rc";

        assertEquals(3, new LineBreaks(text, 4).next(2));
        assertEquals(-1, new LineBreaks(text, 3).next(2));
        assertEquals(3, new LineBreaks(text).next(2));
    }
}
