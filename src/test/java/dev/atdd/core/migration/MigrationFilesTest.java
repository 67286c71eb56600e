package dev.atdd.core.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.FileState;
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
    void listsRegularSqlFilesWhateverTheirNamesAndNothingElse() throws Exception {
        Path folder = work.resolve("migrations");
        Folders.write(folder.resolve("2_b.sql"), "create table b (id int);");
        Folders.write(folder.resolve("notes.sql"), "-- not a migration");
        Folders.write(folder.resolve("1_a.txt"), "create table a (id int);");
        Files.createDirectories(folder.resolve("3_folder.sql"));
        Files.createSymbolicLink(folder.resolve("4_gone.sql"), work.resolve("nowhere.sql"));

        MigrationFiles listed = MigrationFiles.list(folder);

        assertEquals(List.of(folder.resolve("2_b.sql"), folder.resolve("notes.sql")),
                listed.files().stream().map(FileState::path).toList());
        assertEquals(List.of(), listed.remarks());
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
