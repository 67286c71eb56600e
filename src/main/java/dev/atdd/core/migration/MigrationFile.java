package dev.atdd.core.migration;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A migration the Supabase CLI applies: {@code {version}_{name}.sql} directly in the migrations folder.
 *
 * @param version the leading digits of the file name, as written (ordered numerically, see
 *                {@link MigrationVersion#compare})
 * @param name    what follows the first {@code _}, without {@code .sql}
 */
public record MigrationFile(Path path, String version, String name) {

    public MigrationFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
    }
}
