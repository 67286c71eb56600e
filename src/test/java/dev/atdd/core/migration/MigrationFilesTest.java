package dev.atdd.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.FileState;
import dev.atdd.core.Problem;
import dev.atdd.testing.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {

    @TempDir
    Path work;

    @Test
    void listsRegularSqlFilesWhateverTheirNamesAndRefusesAFolderNamedLikeOne() throws Exception {
        Path folder = work.resolve("migrations");
        Folders.write(folder.resolve("2_b.sql"), "create table b (id int);");
        Folders.write(folder.resolve("notes.sql"), "-- not a migration");
        Folders.write(folder.resolve("5_upper.SQL"), "create table upper (id int);");
        Folders.write(folder.resolve("1_a.txt"), "create table a (id int);");
        Files.createDirectories(folder.resolve("3_folder.sql"));

        MigrationFiles listed = MigrationFiles.list(folder);

        assertEquals(List.of(folder.resolve("2_b.sql"), folder.resolve("5_upper.SQL"), folder.resolve("notes.sql")),
                listed.files().stream().map(FileState::path).toList());
        // Passed over, its SQL would be missing from every check without a word.
        assertEquals(List.of(folder.resolve("3_folder.sql")), listed.problems().stream().map(Problem::file).toList());
        assertTrue(listed.problems().get(0).message().startsWith("a folder named like a migration"),
                listed.problems().toString());
        // The Supabase CLI skips a name in the wrong case: the index says so.
        assertEquals(List.of(folder.resolve("5_upper.SQL"), folder.resolve("notes.sql")),
                MigrationIndex.scan(listed, List.of()).skipped().stream().map(SkippedFile::path).toList());
    }

    @Test
    void aLinkToNothingIsAProblemNotASkip() throws Exception {
        Path folder = Files.createDirectories(work.resolve("migrations"));
        Files.createSymbolicLink(folder.resolve("4_gone.sql"), work.resolve("nowhere.sql"));
        Files.createSymbolicLink(folder.resolve("5_loop.sql"), folder.resolve("5_loop.sql"));

        MigrationFiles listed = MigrationFiles.list(folder);

        assertEquals(List.of(), listed.files());
        assertEquals(List.of(folder.resolve("4_gone.sql"), folder.resolve("5_loop.sql")),
                listed.problems().stream().map(Problem::file).sorted().toList());
        assertTrue(listed.problems().stream().allMatch(p -> p.message().contains("a symbolic link that leads to no file")),
                listed.problems().toString());
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRemarked() throws Exception {
        Path folder = Folders.write(work.resolve("migrations"), "not a folder");

        MigrationFiles listed = MigrationFiles.list(folder);

        assertEquals(List.of(), listed.files());
        assertEquals(1, listed.remarks().size());
        assertTrue(listed.remarks().get(0).endsWith("the migrations directory is not a folder"));
    }
}
