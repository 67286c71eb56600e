package dev.atdd.core.types;

import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractReader;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Contracts for tests, from JSON text, read by the plugin's own {@link ContractReader} so that the
 * type mapping sees exactly what it sees in a build (exact decimals, strict parsing).
 */
final class TestContracts {

    private static final Path ROOT = temporaryRoot();
    static final Path FILE = ROOT.resolve("game/match/session.schema.json");

    static {
        Path path = ROOT;
        // Deleted on exit in the reverse order of these calls: the file, then its folders, then the root.
        for (Path name : ROOT.relativize(FILE)) {
            path = path.resolve(name);
            path.toFile().deleteOnExit();
        }
    }

    private TestContracts() {
    }

    /** Single quotes in {@code json} stand for double quotes, to keep test schemas readable. */
    static Contract of(String json) {
        return ofExactJson(json.replace('\'', '"'));
    }

    static synchronized Contract ofExactJson(String json) {
        Folders.write(FILE, json);
        return ContractReader.read(FILE, ROOT);
    }

    private static Path temporaryRoot() {
        try {
            Path root = Files.createTempDirectory("atdd-type-mapping-test");
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A contract whose only property is {@code p} with the given schema. */
    static Contract property(String schemaJson) {
        return of("{'properties': {'p': " + schemaJson + "}}");
    }
}
