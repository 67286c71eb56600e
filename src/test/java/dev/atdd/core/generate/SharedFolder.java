package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One migrations folder shared by several generators: the contracts they generate from, and what
 * must hold of the folder however many of them wrote into it and however they ended.
 */
final class SharedFolder {

    /** The last line of the jsonb template with row level security on. */
    static final String LAST_LINE = "until one allows them.\n";

    private SharedFolder() {
    }

    /**
     * Every file the generators said they wrote is there (none overwritten another), and the folder
     * holds {@code tables} migrations, one per table, each with its own version.
     */
    static void eachTableOnceEachVersionOnce(Path migrations, List<Path> written, int tables) throws IOException {
        List<Path> files = sqlFiles(migrations);
        assertEquals(Set.copyOf(files), Set.copyOf(written));
        assertEquals(files.size(), written.size(), "a file was written twice: " + written);
        assertEquals(tables, files.size(), files.toString());
        Set<String> versions = files.stream().map(f -> f.getFileName().toString().substring(0, 14))
                .collect(Collectors.toSet());
        assertEquals(files.size(), versions.size(), "versions shared: " + files);
        Set<String> tableNames = files.stream().map(f -> f.getFileName().toString().substring(15))
                .collect(Collectors.toSet());
        assertEquals(files.size(), tableNames.size(), "a table written twice: " + files);
        everySqlFileWhole(migrations);
    }

    /** No {@code .sql} file is empty or cut short; anything else is a generator's temporary file. */
    static void everySqlFileWhole(Path migrations) throws IOException {
        for (Path file : sqlFiles(migrations)) {
            assertTrue(file.getFileName().toString().matches("\\d{14}_[a-z0-9_]+\\.sql"), file.toString());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("-- Generated from ") && text.endsWith(LAST_LINE), file + " is partial:\n" + text);
        }
        try (Stream<Path> all = Files.list(migrations)) {
            for (Path other : all.filter(f -> !f.toString().endsWith(".sql")).toList()) {
                assertTrue(other.getFileName().toString().matches("\\..+\\.sql\\.tmp"), other.toString());
            }
        }
    }

    /** {@code count} contracts under {@code parent/contracts-{theme}}, each needing a jsonb table {@code {theme}_d{i}_a}. */
    static Path contracts(Path parent, String theme, int count) throws IOException {
        Path root = parent.resolve("contracts-" + theme);
        for (int i = 0; i < count; i++) {
            Folders.write(root.resolve(theme + "/d" + i + "/a.schema.json"), BrokenInputTest.VALID);
        }
        return root;
    }

    static List<Path> sqlFiles(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
