package dev.atdd.core.migration;

import dev.atdd.core.FileFailure;
import dev.atdd.core.FileListing;
import dev.atdd.core.FileState;
import dev.atdd.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code .sql} files of the migrations folder, listed but not read:
 * {@link MigrationIndex#scan(MigrationFiles, List)} reads them.
 *
 * @param folder   the migrations folder
 * @param files    its regular {@code .sql} files, whatever their names (kept sorted by path)
 * @param problems the folder is not a folder, or cannot be listed
 */
public record MigrationFiles(Path folder, List<FileState> files, List<Problem> problems, Instant listedAt)
        implements FileListing {

    static final String SQL_SUFFIX = ".sql";

    public MigrationFiles {
        files = files.stream().sorted(Comparator.comparing(FileState::path)).toList();
        problems = List.copyOf(problems);
    }

    @Override
    public List<String> remarks() {
        return problems.stream().map(Problem::toString).toList();
    }

    /** Lists the folder; a missing folder has no files (the generator creates it). */
    public static MigrationFiles list(Path folder) {
        Instant listedAt = Instant.now();
        List<FileState> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            problems.add(Problem.in(folder, "the migrations directory is not a folder"));
        } else if (Files.exists(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                // .SQL too: the Supabase CLI skips it, and the index says so rather than pass it over.
                entries.filter(p -> FileListing.endsWithIgnoringCase(p.getFileName().toString(), SQL_SUFFIX)).forEach(p -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                        if (attributes.isRegularFile()) {
                            files.add(FileState.of(p, attributes));
                        } else if (attributes.isDirectory()) {
                            // Passed over, its migration would be missing from every check without a word.
                            problems.add(Problem.in(p, "a folder named like a migration: the Supabase CLI applies"
                                    + " only the files of the migrations folder; move its SQL into a file"));
                        }
                    } catch (IOException e) {
                        problems.add(Problem.in(p, Files.isSymbolicLink(p)
                                ? "a symbolic link that leads to no file"
                                : "cannot be read: " + FileFailure.reason(e)));
                    }
                });
            } catch (IOException e) {
                problems.add(Problem.in(folder, "cannot list the migrations directory: " + FileFailure.reason(e)));
            }
        }
        return new MigrationFiles(folder, files, problems, listedAt);
    }
}
