package dev.atdd.maven;

import dev.atdd.testing.Folders;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.mockito.Mockito.mockingDetails;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.logging.Log;

/**
 * A test project copied into a fresh folder, so that a goal may write into it; the mojo under test is
 * pointed at the copy instead of the harness's project base directory.
 */
final class ProjectCopy {

    /** The example project of the README, shipped with the plugin. */
    static final Path QUIZ_GAME = Path.of("examples/quiz-game");

    private final Path root;

    private ProjectCopy(Path root) {
        this.root = root;
    }

    /** Copies {@code source} (a folder, e.g. {@code src/test/projects/shop}) into {@code target}. */
    static ProjectCopy of(Path source, Path target) {
        return new ProjectCopy(Folders.copy(source, target).toAbsolutePath().normalize());
    }

    static ProjectCopy ofTestProject(String name, Path target) {
        return of(Path.of("src/test/projects", name), target);
    }

    /** Sets the folders every goal reads (and the check goals' report folder) to this copy's. */
    <M extends Mojo> M pointAt(M mojo) throws IllegalAccessException {
        setVariableValueToObject(mojo, "basedir", root.toFile());
        setVariableValueToObject(mojo, "contractsDirectory", root.resolve("contracts").toFile());
        setVariableValueToObject(mojo, "migrationsDirectory", migrations().toFile());
        if (mojo instanceof AbstractCheckMojo) {
            setVariableValueToObject(mojo, "reportDirectory", reports().toFile());
        } else if (mojo instanceof GenerateMigrationsMojo) {
            setVariableValueToObject(mojo, "buildDirectory", root.resolve("target").toFile());
        }
        return mojo;
    }

    Path root() {
        return root;
    }

    Path migrations() {
        return root.resolve("supabase/migrations");
    }

    Path reports() {
        return root.resolve("target/atdd");
    }

    /** The migration file names, sorted; empty when the folder does not exist. */
    List<String> migrationNames() throws IOException {
        if (!Files.isDirectory(migrations())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(migrations())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    String read(String relativePath) throws IOException {
        return Files.readString(root.resolve(relativePath), StandardCharsets.UTF_8);
    }

    void write(String relativePath, String text) throws IOException {
        Folders.write(root.resolve(relativePath), text);
    }

    /**
     * Dates every file of the copy an hour back, as files written before the build began are: a check
     * stamps its pass only when no input changed in the seconds before it listed them.
     */
    ProjectCopy settle() throws IOException {
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, anHourAgo);
            }
        }
        return this;
    }

    /**
     * Rewrites {@code file} with {@code text}, keeping its modification time: with the same size too, the
     * folder listing shows it as before, as a stamp's digest sees it.
     */
    static void rewriteKeepingTime(Path file, String text) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, time);
    }

    /**
     * What the mojo logged at one level ({@code "info"}, {@code "warn"}...): the harness gives each
     * mojo a Mockito spy as its log, whose calls are recorded.
     */
    static List<String> logged(Mojo mojo, String level) {
        Log log = mojo.getLog();
        return mockingDetails(log).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals(level) && call.getArguments().length == 1)
                .map(call -> String.valueOf(call.getArguments()[0]))
                .toList();
    }
}
