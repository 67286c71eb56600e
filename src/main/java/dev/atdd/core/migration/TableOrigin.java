package dev.atdd.core.migration;

import java.util.Objects;

/**
 * Where a table of the {@code public} schema (or a view or type, see {@link ViewOrType}, or an index) was made: the
 * 1-based line and column of the {@code CREATE} statement (or, for a table that came from outside the migrations, of the
 * {@code ALTER TABLE} that renamed or moved it into {@code public}).
 */
public record TableOrigin(MigrationFile file, int line, int column) {

    public TableOrigin {
        Objects.requireNonNull(file, "file");
    }

    /** {@code file.sql:line}, as messages name it. */
    public String where() {
        return file.path().getFileName() + ":" + line;
    }
}
