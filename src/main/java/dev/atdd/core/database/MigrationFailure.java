package dev.atdd.core.database;

import dev.atdd.core.Problem;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a script failed on the server, located in its file.
 *
 * @param file     the script's file
 * @param line     1-based line of the server's error position; 0 when the server gave none
 * @param column   1-based column (in characters) on that line; 0 when unknown
 * @param lineText that line, without its line break; empty when unknown
 * @param message  PostgreSQL's primary message
 * @param sqlState the SQLSTATE code, for example {@code 42601}
 * @param detail   PostgreSQL's DETAIL, when given
 * @param hint     PostgreSQL's HINT, when given
 * @param where    PostgreSQL's CONTEXT (for example the PL/pgSQL line), when given
 */
public record MigrationFailure(Path file, int line, int column, String lineText, String message, String sqlState,
                               Optional<String> detail, Optional<String> hint, Optional<String> where) {

    public MigrationFailure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lineText, "lineText");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(where, "where");
    }

    /**
     * The failure as a problem of the user's file. Its message is the full report after the location:
     * <pre>
     * syntax error at or near "tabel" (SQLSTATE 42601)
     *    12 | create tabel public.notes (
     *       |        ^
     * hint: ...
     * </pre>
     */
    public Problem problem() {
        StringBuilder text = new StringBuilder(message).append(" (SQLSTATE ").append(sqlState).append(')');
        if (line > 0) {
            String gutter = String.valueOf(line);
            text.append('\n').append(String.format("%6s | ", gutter)).append(lineText);
            text.append('\n').append(String.format("%6s | ", "")).append(caretIndent()).append('^');
        }
        detail.ifPresent(d -> text.append("\ndetail: ").append(d));
        hint.ifPresent(h -> text.append("\nhint: ").append(h));
        where.ifPresent(w -> text.append("\nwhere: ").append(w.replace("\n", "\n       ")));
        return new Problem(file, line, line > 0 ? column : 0, text.toString());
    }

    /** {@code file:line:column: message (SQLSTATE x)}, then the quoted line with a caret and any detail and hint. */
    public String render(Path base) {
        return problem().describe(base);
    }

    /** Blanks up to the column, keeping tabs as tabs so that the caret lines up under the quoted line. */
    private String caretIndent() {
        StringBuilder indent = new StringBuilder();
        lineText.codePoints().limit(Math.max(0, column - 1L))
                .forEach(cp -> indent.append(cp == '\t' ? '\t' : ' '));
        return indent.toString();
    }
}
