package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.render.SqlTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFolderTest {

    @TempDir
    Path project;

    @Test
    void aFolderBelowARegularFileIsAProblemNamingTheFolder() throws IOException {
        Path file = Files.writeString(project.resolve("supabase"), "not a folder");
        Path folder = file.resolve("migrations");

        Problem problem = problemWriting(folder);

        assertEquals(folder, problem.file());
        assertTrue(problem.message().contains("cannot be created or written"), problem.message());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aRegularFileInPlaceOfTheFolderIsAProblemNamingIt() throws IOException {
        Path folder = Files.writeString(project.resolve("migrations"), "not a folder");

        Problem problem = problemWriting(folder);

        assertEquals(folder, problem.file());
        assertTrue(problem.message().contains("not a folder"), problem.message());
    }

    @Test
    void aFolderThatCannotBeWrittenIsAProblemNamingIt() throws IOException {
        Path folder = unwritableFolder();
        // The test is only worth something if the folder really refuses a new file.
        assertThrows(IOException.class, () -> Files.delete(Files.createFile(folder.resolve("probe.sql"))));

        Problem problem = problemWriting(folder);

        assertEquals(folder, problem.file());
        assertTrue(problem.message().contains("not writable") || problem.message().contains("cannot be created or written"),
                problem.message());
        assertFalse(Files.exists(folder.resolve("20260101000000_t.sql")));
    }

    @Test
    void aLockFolderAnotherUserMadeDoesNotStopTheLock() throws IOException {
        Path folder = Files.createDirectories(project.resolve("migrations"));
        Path temporaryDirectory = Files.createDirectories(project.resolve("tmp"));
        // Stands for the shared folder of locks a build run by another user (or with sudo) made: as root
        // the test cannot be refused a folder, but it is refused a folder that is a file.
        Files.writeString(temporaryDirectory.resolve("atdd-maven-plugin-locks"), "another user's");
        String temporaryDirectoryBefore = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temporaryDirectory.toString());
        try {
            new MigrationFolder(folder).lock().close();

            assertTrue(Files.isDirectory(MigrationFolder.lockFolder()));
            assertTrue(MigrationFolder.lockFolder().getFileName().toString().endsWith(
                    System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_")));
        } finally {
            System.setProperty("java.io.tmpdir", temporaryDirectoryBefore);
        }
    }

    @Test
    void theTemporaryFileOfAKilledBuildIsRemovedByTheNextOneThatTakesTheLock() throws IOException {
        Path folder = Files.createDirectories(project.resolve("migrations"));
        Path abandoned = Files.writeString(folder.resolve(".20260101000000_t.sql.tmp"), "CREATE TABLE t (");
        Path unrelated = Files.writeString(folder.resolve(".notes.tmp"), "the user's");

        new MigrationFolder(folder).lock().close();

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void threadsGeneratingIntoOneFolderTakeEachTableOnceAndEachVersionOnce() throws Exception {
        Path shop = SharedFolder.contracts(project, "shop", 15);
        Path game = SharedFolder.contracts(project, "game", 15);
        Path migrations = project.resolve("supabase/migrations");
        List<Path> contractFolders = List.of(shop, shop, game, game, shop, game);
        CyclicBarrier start = new CyclicBarrier(contractFolders.size());
        ExecutorService threads = Executors.newFixedThreadPool(contractFolders.size());
        List<Future<GenerationReport>> reports = new ArrayList<>();
        for (Path contracts : contractFolders) {
            Callable<GenerationReport> run = () -> {
                start.await();
                return new MigrationGenerator(SqlTemplates.builtIn(), Clock.systemUTC()).generate(
                        new GenerationRequest(contracts, migrations, Optional.empty(), Strategy.JSONB, true,
                                List.of(), Set.of(), false));
            };
            reports.add(threads.submit(run));
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(2, TimeUnit.MINUTES));

        List<Path> written = new ArrayList<>();
        for (Future<GenerationReport> report : reports) {
            report.get().written().forEach(w -> written.add(w.file()));
        }
        SharedFolder.eachTableOnceEachVersionOnce(migrations, written, 30);
    }

    private static Problem problemWriting(Path folder) {
        InvalidInputException failure = assertThrows(InvalidInputException.class,
                () -> new MigrationFolder(folder).writeAllNew(Map.of("20260101000000_t.sql", "select 1;\n")));
        assertEquals(1, failure.problems().size());
        return failure.problems().get(0);
    }

    /**
     * A folder no one may add a file to. Root ignores permission bits, so as root the test uses a
     * folder of the kernel's own read-only file system instead.
     */
    private Path unwritableFolder() throws IOException {
        Path folder = Files.createDirectories(project.resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Files.delete(Files.createFile(folder.resolve("probe")));
            return Path.of("/sys/kernel");
        } catch (IOException refused) {
            return folder;
        }
    }
}
