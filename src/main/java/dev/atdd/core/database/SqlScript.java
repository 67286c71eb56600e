package dev.atdd.core.database;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.LineBreaks;
import dev.atdd.core.Utf8Text;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A SQL script and the file it is reported under: a migration, a prelude file or the built-in prelude.
 * The text is what is sent to the server, so server error positions count into it.
 */
public record SqlScript(Path file, String text) {

    public SqlScript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads {@code file} as UTF-8; a leading byte order mark is dropped, as PostgreSQL would reject it.
     *
     * @throws InvalidInputException when the file cannot be read or is not valid UTF-8
     */
    public static SqlScript read(Path file) {
        String text = Utf8Text.read(file, "save the file as UTF-8");
        return new SqlScript(file, text.substring(LineBreaks.firstLineStart(text)));
    }
}
