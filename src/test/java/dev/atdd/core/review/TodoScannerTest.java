package dev.atdd.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TodoScannerTest {

    private final TodoScanner scanner = TodoScanner.withDefaultMarkers();

    /** Comment spans marked by hand, so that this test does not depend on the lexer. */
    private static CommentSpan span(String text, String comment) {
        int start = text.indexOf(comment);
        return new CommentSpan(start, start + comment.length());
    }

    @Test
    void warningMarkerCountsAnywhereOnItsLine() {
        String sql = "create table t (\n  id uuid -- ⚠️ TODO: add foreign key\n);\nselect '⚠️ TODO: in a string';\n";
        assertEquals(List.of(new Todo(2, 14, "add foreign key", true), new Todo(4, 9, "in a string';", true)),
                scanner.scan(sql, List.of(span(sql, "-- ⚠️ TODO: add foreign key"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"⚠️ TODO: x", "⚠ TODO: x", "⚠️TODO: x", "⚠️ \t TODO: x"})
    void warningMarkerToleratesMissingEmojiSelectorAndSpacing(String line) {
        assertEquals(List.of(new Todo(1, 1, "x", true)), scanner.scan(line, List.of()));
    }

    @Test
    void warningSignWithoutTodoIsNotAMarker() {
        assertEquals(List.of(), scanner.scan("-- ⚠️ REVIEW REQUIRED BEFORE APPLYING\n-- ⚠️ TODO", List.of()));
    }

    @Test
    void plainMarkerCountsOnlyInsideComments() {
        String sql = "select 'TODO: not a note';\n-- TODO: index on email\n/* first\n   TODO: rls */ select 1;";
        List<CommentSpan> comments = List.of(span(sql, "-- TODO: index on email"),
                span(sql, "/* first\n   TODO: rls */"));
        assertEquals(List.of(new Todo(2, 4, "index on email", false), new Todo(4, 4, "rls", false)),
                scanner.scan(sql, comments));
    }

    @Test
    void lineWithBothMarkersCountsOnceAtTheWarning() {
        String sql = "-- ⚠️ TODO: add RLS policies TODO: twice";
        assertEquals(List.of(new Todo(1, 4, "add RLS policies TODO: twice", true)),
                scanner.scan(sql, List.of(new CommentSpan(0, sql.length()))));
    }

    @Test
    void markersAreMatchedToTheirCommentsAcrossManyComments() {
        String sql = "-- a\nselect 'TODO: no';\n/* TODO: one\n TODO: two */ 'TODO: no'\n-- b\n-- TODO: three\n'TODO: no'";
        List<CommentSpan> comments = List.of(span(sql, "-- a"), span(sql, "/* TODO: one\n TODO: two */"),
                span(sql, "-- b"), span(sql, "-- TODO: three"));
        assertEquals(List.of(new Todo(3, 4, "one", false), new Todo(4, 2, "two", false), new Todo(6, 4, "three", false)),
                scanner.scan(sql, comments));
    }

    @Test
    void markerDoesNotLeakPastItsComment() {
        String sql = "/* TODO: fk */ create table x();";
        assertEquals(List.of(new Todo(1, 4, "fk", false)), scanner.scan(sql, List.of(span(sql, "/* TODO: fk */"))));
    }

    @Test
    void crlfAndByteOrderMarkKeepLinesAndColumns() {
        String sql = "\uFEFF-- TODO: a\r\n-- TODO: b\r\n";
        List<CommentSpan> comments = List.of(span(sql, "-- TODO: a"), span(sql, "-- TODO: b"));
        assertEquals(List.of(new Todo(1, 4, "a", false), new Todo(2, 4, "b", false)), scanner.scan(sql, comments));
    }

    @Test
    void aLoneCarriageReturnEndsALine() {
        String sql = "-- TODO: a\r\r-- TODO: b\r";
        List<CommentSpan> comments = List.of(span(sql, "-- TODO: a"), span(sql, "-- TODO: b"));
        assertEquals(List.of(new Todo(1, 4, "a", false), new Todo(3, 4, "b", false)), scanner.scan(sql, comments));
    }

    @Test
    void configuredMarkersReplaceTheDefault() {
        TodoScanner fixme = new TodoScanner(List.of("FIXME", "XXX"));
        String sql = "-- TODO: ignored\n-- FIXME later\n-- XXX now";
        List<CommentSpan> comments = List.of(span(sql, "-- TODO: ignored"), span(sql, "-- FIXME later"),
                span(sql, "-- XXX now"));
        assertEquals(List.of(new Todo(2, 4, "later", false), new Todo(3, 4, "now", false)), fixme.scan(sql, comments));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankMarkerIsRejected(String marker) {
        assertThrows(IllegalArgumentException.class, () -> new TodoScanner(List.of(marker)));
    }
}
