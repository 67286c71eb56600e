package dev.atdd.core.review;

import java.util.Objects;

/**
 * An unreviewed TODO in a migration: where its marker starts (1-based line and column) and what
 * follows the marker on that line.
 *
 * @param warningMarker whether its marker is {@code ⚠️ TODO:}, the one the generator writes into the draft of a
 *                      relational table, rather than a comment marker such as a hand-written {@code -- TODO:}
 */
public record Todo(int line, int column, String text, boolean warningMarker) {

    public Todo {
        Objects.requireNonNull(text, "text");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }
}
