package dev.atdd.core.verify;

import dev.atdd.core.migration.TableOrigin;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A public table without row level security, and what made it: a migration (where the migration index
 * places its {@code CREATE}), the user's prelude file, or neither (a table the index cannot follow, such
 * as one an {@code EXECUTE} makes: a migration made it all the same).
 *
 * @param migration   the migration's {@code CREATE}, when the index knows it
 * @param preludeFile the user's prelude file, when it made the table (and no migration made it again)
 */
public record UnprotectedTable(String name, Optional<TableOrigin> migration, Optional<Path> preludeFile) {

    public UnprotectedTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(preludeFile, "preludeFile");
    }

    /** {@code no_rls (20250101000000_x.sql:3)}, {@code stand_in (prelude file prelude.sql)} or the bare name. */
    String described() {
        return name + migration.map(origin -> " (" + origin.where() + ")")
                .or(() -> preludeFile.map(file -> " (prelude file " + file.getFileName() + ")"))
                .orElse("");
    }
}
