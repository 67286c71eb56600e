package dev.atdd.core.migration;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration the Supabase CLI applies: {@code {version}_{name}.sql} directly in the migrations folder.
 *
 * @param version the leading digits of the file name, as written (ordered numerically, see
 *                {@link MigrationVersion#compare})
 * @param name    what follows the first {@code _}, without {@code .sql}
 */
public record MigrationFile(Path path, String version, String name) {

    /** The Supabase CLI's own rule: files not matching it are skipped without a word. */
    private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)\\.sql");

    /** The migration at {@code path}, or empty when the Supabase CLI would skip a file of that name. */
    public static Optional<MigrationFile> named(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        return m.matches() ? Optional.of(new MigrationFile(path, m.group(1), m.group(2))) : Optional.empty();
    }

    public MigrationFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
    }
}
