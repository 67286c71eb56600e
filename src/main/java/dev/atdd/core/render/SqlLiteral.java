package dev.atdd.core.render;

import java.util.regex.Pattern;

/**
 * The one SQL string literal renderer: every literal in a generated migration comes from here.
 * {@code standard_conforming_strings} semantics (PostgreSQL's default since 9.1): a backslash is an
 * ordinary character, so only {@code '} needs doubling and no {@code E''} form is used.
 */
public final class SqlLiteral {

    /**
     * Between the {@code TO} and {@code DO} of a {@code TODO:} (any case). The TODO review treats such a
     * line as unreviewed, so a value holding one is written as two adjacent literals on two lines,
     * which PostgreSQL joins into the same value.
     */
    private static final Pattern INSIDE_TODO_MARKER = Pattern.compile("(?i)(?<=TO)(?=DO\\s*:)");

    private SqlLiteral() {
    }

    /**
     * {@code text} as the literal a migration holds: {@link #quote}, with every {@code TODO:} split
     * between adjacent literals on two lines.
     *
     * @throws IllegalArgumentException when the text holds a NUL character, which PostgreSQL text cannot hold
     */
    public static String render(String text) {
        // Quoting only doubles ', so the marker sits in the literal where it sat in the text.
        return INSIDE_TODO_MARKER.matcher(quote(text)).replaceAll("'\n'");
    }

    /**
     * {@code text} as one literal: {@code '} + text with {@code '} doubled + {@code '}; also how
     * {@code pg_get_constraintdef} prints a string constant, adjacent literals joined.
     *
     * @throws IllegalArgumentException when the text holds a NUL character, which PostgreSQL text cannot hold
     */
    public static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL literal cannot hold a NUL character (\\u0000): "
                    + SqlComment.text(text));
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
