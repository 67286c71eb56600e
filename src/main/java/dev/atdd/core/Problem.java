package dev.atdd.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with the user's input, located as precisely as we can: always the file,
 * and the line and column (1-based) when the parser knows them.
 */
public record Problem(Path file, int line, int column, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem in(Path file, String message) {
        return new Problem(file, 0, 0, message);
    }

    /** A problem at the character {@code offset} of {@code text}, read from {@code file}: its line and column. */
    public static Problem at(Path file, String text, int offset, String message) {
        LineBreaks.Line line = LineBreaks.lineOf(text, offset);
        return new Problem(file, line.number(), offset - line.start() + 1, message);
    }

    /** {@code path[:line:column]: message}, the path shown relative to {@code base} when it lies inside it. */
    public String describe(Path base) {
        String where = file.isAbsolute() ? DisplayPath.of(base, file) : DisplayPath.of(null, file);
        if (line > 0) {
            where += ":" + line + ":" + column;
        }
        return where + ": " + message;
    }

    @Override
    public String toString() {
        return describe(null);
    }
}
