package dev.atdd.core.render;

import java.util.regex.Pattern;

/** Text that is safe after {@code --}: it stays on its line and never reads as a TODO marker. */
public final class SqlComment {

    /** Line breaks (including U+0085, U+2028, U+2029) and other control characters. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    /** {@code TODO:} in any case; the TODO review would count it as unreviewed work. */
    private static final Pattern TODO_MARKER = Pattern.compile("(?i)(TO)(DO\\s*:)");

    private SqlComment() {
    }

    /**
     * The text with every control character (line breaks included) replaced by a space, so that it
     * cannot end the comment, and every {@code TODO:} written {@code TO-DO:}, so that user text (a
     * description, a path) cannot add a TODO marker to a migration.
     */
    public static String text(String text) {
        String oneLine = CONTROL.matcher(text).replaceAll(" ");
        return TODO_MARKER.matcher(oneLine).replaceAll("$1-$2");
    }
}
