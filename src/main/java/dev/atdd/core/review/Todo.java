package dev.atdd.core.review;

import java.util.Objects;

/**
 * An unreviewed TODO in a migration: where its marker starts (1-based line and column) and what
 * follows the marker on that line.
 */
public record Todo(int line, int column, String text) {

    public Todo {
        Objects.requireNonNull(text, "text");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }
}
