package dev.atdd.core;

/**
 * Where the lines of a text end, as editors and the JSON parser count them: at {@code \n}, at
 * {@code \r\n} (one break) and at a lone {@code \r} (a file saved the classic Mac OS way), so that a
 * line number we report is the one the user's editor shows. An instance walks one text forwards; it
 * remembers the next {@code \r}, so that a text without one is searched for it once, not once per line.
 */
public final class LineBreaks {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    /** Where the searches stop: the end of the text, or of the part walked. */
    private final int end;
    /** The next {@code \r} and {@code \n} found, or {@code MAX_VALUE} for none before the end. */
    private int carriageReturn = -1;
    private int newline = -1;

    public LineBreaks(String text) {
        this(text, text.length());
    }

    /** Walks {@code text} up to {@code end} only: breaks at or after it are not reported. */
    public LineBreaks(String text, int end) {
        this.text = text;
        this.end = end;
    }

    /**
     * The first line break at or after {@code from}: the index of its {@code \n}, or of its {@code \r}
     * (the first character of {@code \r\n}); -1 when the text has none left. Calls must not go back.
     */
    public int next(int from) {
        if (carriageReturn < from) {
            carriageReturn = search('\r', from);
        }
        if (newline < from) {
            newline = search('\n', from);
        }
        int first = Math.min(carriageReturn, newline);
        return first == Integer.MAX_VALUE ? -1 : first;
    }

    /**
     * The first {@code c} at or after {@code from} and before the end, or {@code MAX_VALUE}; remembered
     * by the caller, so that a text with few of them (a CR-only file has no \n) is searched once.
     */
    private int search(char c, int from) {
        if (end == text.length()) {
            int found = text.indexOf(c, from);
            return found < 0 ? Integer.MAX_VALUE : found;
        }
        // A part (a DO block's body): searching on to the end of the file would cost a pass over it per part.
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Whether the character at {@code index}, before {@code end}, ends a line: for a walk one character
     * at a time, where {@link #next} would search ahead.
     */
    public static boolean endsLine(CharSequence text, int index, int end) {
        char c = text.charAt(index);
        return c == '\n' || c == '\r' && (index + 1 == end || text.charAt(index + 1) != '\n');
    }

    /** Where the line after the break at {@code index} (as {@link #next} found it) begins. */
    public int lineAfter(int index) {
        return text.charAt(index) == '\r' && index + 1 < end && text.charAt(index + 1) == '\n'
                ? index + 2 : index + 1;
    }

    /**
     * Where line 1 of {@code text} starts: after a leading byte order mark, which editors and the JSON
     * parser give no column. Every column we report counts from here on line 1.
     */
    public static int firstLineStart(CharSequence text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    /**
     * The line holding the character at {@code offset}.
     *
     * @return its number, from 1, and the index where it starts (line 1 as {@link #firstLineStart} says)
     */
    public static Line lineOf(String text, int offset) {
        LineBreaks breaks = new LineBreaks(text);
        int number = 1;
        int start = firstLineStart(text);
        for (int i = breaks.next(0); i >= 0 && breaks.lineAfter(i) <= offset; i = breaks.next(start)) {
            number++;
            start = breaks.lineAfter(i);
        }
        return new Line(number, start);
    }

    /** A line of a text: its number, from 1, and the index of its first character. */
    public record Line(int number, int start) {
    }
}
