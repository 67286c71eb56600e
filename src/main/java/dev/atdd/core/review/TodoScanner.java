package dev.atdd.core.review;

import dev.atdd.core.LineBreaks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the unreviewed TODOs of one migration. A line is unreviewed when it holds the warning
 * marker {@code ⚠️ TODO:} anywhere (the generator writes it; it is never legitimate in applied SQL),
 * or when one of the comment markers (default {@code TODO:}) appears inside an SQL comment — a
 * marker inside a string or a function body is data, not a note to the reviewer. Each line counts
 * once. The scanner takes the comment positions from the caller's lexer pass rather than lexing again.
 */
public final class TodoScanner {

    public static final List<String> DEFAULT_COMMENT_MARKERS = List.of("TODO:");

    private static final char WARNING_SIGN = '\u26A0';
    private static final char EMOJI_PRESENTATION = '\uFE0F';
    private static final String WARNING_WORD = "TODO:";
    private static final String COMMENT_CLOSE = "*/";

    private final List<String> commentMarkers;

    /** @throws IllegalArgumentException when a marker is blank: it would match every comment */
    public TodoScanner(List<String> commentMarkers) {
        for (String marker : commentMarkers) {
            if (marker == null || marker.isBlank()) {
                throw new IllegalArgumentException("a TODO marker must not be blank");
            }
        }
        this.commentMarkers = List.copyOf(commentMarkers);
    }

    public static TodoScanner withDefaultMarkers() {
        return new TodoScanner(DEFAULT_COMMENT_MARKERS);
    }

    public List<String> commentMarkers() {
        return commentMarkers;
    }

    /**
     * The TODOs of {@code text}, in line order.
     *
     * @param comments where the SQL comments of {@code text} lie, as found by the lexer
     */
    public List<Todo> scan(String text, List<CommentSpan> comments) {
        List<Hit> hits = new ArrayList<>();
        findWarnings(text, hits);
        for (String marker : commentMarkers) {
            findInComments(text, comments, marker, hits);
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        hits.sort(Comparator.comparingInt(Hit::offset));
        return locate(text, hits);
    }

    /** {@code ⚠️ TODO:}, also without the emoji presentation selector and with any spaces between. */
    private static void findWarnings(String text, List<Hit> hits) {
        for (int i = text.indexOf(WARNING_SIGN); i >= 0; i = text.indexOf(WARNING_SIGN, i + 1)) {
            int j = i + 1;
            if (j < text.length() && text.charAt(j) == EMOJI_PRESENTATION) {
                j++;
            }
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (text.startsWith(WARNING_WORD, j)) {
                hits.add(new Hit(i, j + WARNING_WORD.length(), text.length(), true));
            }
        }
    }

    /**
     * Each occurrence of the marker, found by one search of the whole text, kept when it lies inside a
     * comment: the comments are in text order, so one walk places every occurrence.
     */
    private static void findInComments(String text, List<CommentSpan> comments, String marker, List<Hit> hits) {
        int comment = 0;
        for (int i = text.indexOf(marker); i >= 0 && comment < comments.size(); ) {
            CommentSpan span = comments.get(comment);
            if (span.end() < i + marker.length()) {
                comment++;
            } else if (span.start() <= i) {
                hits.add(new Hit(i, i + marker.length(), span.end(), false));
                i = text.indexOf(marker, i + marker.length());
            } else {
                i = text.indexOf(marker, i + 1);
            }
        }
    }

    /** Walks the line breaks once, in step with the hits sorted by offset. */
    private static List<Todo> locate(String text, List<Hit> hits) {
        List<Todo> todos = new ArrayList<>();
        int line = 1;
        int lineStart = LineBreaks.firstLineStart(text);
        LineBreaks breaks = new LineBreaks(text);
        int nextBreak = breaks.next(0);
        int lastLine = 0;
        for (Hit hit : hits) {
            while (nextBreak >= 0 && nextBreak < hit.offset()) {
                line++;
                lineStart = breaks.lineAfter(nextBreak);
                nextBreak = breaks.next(lineStart);
            }
            if (line == lastLine) {
                continue;
            }
            lastLine = line;
            int lineEnd = nextBreak < 0 ? text.length() : nextBreak;
            String rest = text.substring(hit.markerEnd(), Math.min(lineEnd, hit.limit())).strip();
            if (rest.endsWith(COMMENT_CLOSE)) {
                rest = rest.substring(0, rest.length() - COMMENT_CLOSE.length()).strip();
            }
            todos.add(new Todo(line, hit.offset() - lineStart + 1, rest, hit.warning()));
        }
        return List.copyOf(todos);
    }

    /**
     * A marker at {@code offset}, {@code ⚠️ TODO:} when {@code warning}; its text runs from {@code markerEnd} to
     * the end of the line or {@code limit}.
     */
    private record Hit(int offset, int markerEnd, int limit, boolean warning) {
    }
}
