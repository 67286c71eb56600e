package dev.atdd.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.InvalidInputException;
import dev.atdd.core.contract.Strategy;
import dev.atdd.core.render.SqlTemplates;
import dev.atdd.testing.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One run over a contracts folder holding every kind of broken input at once. */
class BrokenInputTest {

    static final String VALID = "{\"properties\": {\"id\": {\"type\": \"string\"}}}";

    /** Each broken file (relative to the project), with what its problem must say and whether it has a line. */
    private static final Map<String, String> BROKEN = new TreeMap<>(Map.of(
            "contracts/broken/syntax/trailing-comma.schema.json", ":3:1: invalid JSON",
            "contracts/broken/shape/array.schema.json", ":1:1: a contract is a JSON object, found an array",
            "contracts/broken/shape/properties.schema.json", ":1:16: /properties: expected an object",
            "contracts/broken/required/ghost.schema.json", ":1:131: /required/1: \"ghost\" is required but is not in properties",
            "contracts/broken/bytes/latin1.schema.json", ":1:21: not valid UTF-8 (byte 0xE9)",
            "contracts/broken/empty/nothing.schema.json", ": empty file",
            "contracts/broken/loop/back", ": a symbolic link loop"));

    @TempDir
    Path project;

    private final MigrationGenerator generator = new MigrationGenerator(SqlTemplates.builtIn(),
            Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC));

    @BeforeEach
    void everyKindOfBrokenContractBesideAValidOne() throws IOException {
        write("contracts/fine/valid/order.schema.json", VALID);
        write("contracts/broken/syntax/trailing-comma.schema.json", "{\n  \"properties\": {},\n}\n");
        write("contracts/broken/shape/array.schema.json", "[1, 2]");
        write("contracts/broken/shape/properties.schema.json", "{\"properties\": [\"id\"]}");
        write("contracts/broken/required/ghost.schema.json", "{\"x-artifact-metadata\": {\"persistence\": "
                + "{\"strategy\": \"relational\"}}, \"properties\": {\"id\": {\"type\": \"string\"}},"
                + " \"required\": [\"id\", \"ghost\"]}");
        Path latin1 = project.resolve("contracts/broken/bytes/latin1.schema.json");
        Files.createDirectories(latin1.getParent());
        Files.write(latin1, "{\"properties\": {\"caf\u00e9\": {}}}".getBytes(StandardCharsets.ISO_8859_1));
        write("contracts/broken/empty/nothing.schema.json", "");
        Files.createDirectories(project.resolve("contracts/broken/loop"));
        Files.createSymbolicLink(project.resolve("contracts/broken/loop/back"), project.resolve("contracts/broken"));
    }

    @Test
    void everyProblemOfTheRunIsReportedInOneGoAndNothingIsWritten() {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(false)));

        List<String> lines = Arrays.asList(failure.describe(project).split("\n"));
        assertEquals(BROKEN.size(), lines.size(), failure.describe(project));
        BROKEN.forEach((file, expected) -> assertTrue(lines.stream().anyMatch(line -> line.startsWith(file + expected)),
                file + expected + " missing from\n" + failure.describe(project)));
        for (String line : lines) {
            assertTrue(line.matches("contracts/[^:]+(:\\d+:\\d+)?: \\S.*"), line);
        }
        assertFalse(Files.exists(migrations()), "nothing is written, not even the folder");
    }

    @Test
    void askedToWriteWhatIsValidTheValidContractIsWrittenAndTheProblemsAreReported() throws IOException {
        GenerationReport report = generator.generate(request(true));

        assertEquals(List.of("fine_valid_order"), report.written().stream().map(GenerationReport.Written::table).toList());
        assertEquals(List.of(report.written().get(0).file()), sqlFiles());
        assertEquals(BROKEN.keySet(), report.skipped().stream().map(p -> relative(p.file())).collect(Collectors.toSet()));
    }

    @Test
    void aBrokenMigrationsFolderStillStopsARunThatWritesWhatIsValid() throws IOException {
        Files.createDirectories(migrations());
        Files.writeString(migrations().resolve("20250101000000_a.sql"), "select 'unterminated;\n");

        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request(true)));

        String message = failure.describe(project);
        assertTrue(message.contains("supabase/migrations/20250101000000_a.sql"), message);
        assertTrue(message.contains("contracts/broken/shape/array.schema.json"), message);
        assertEquals(1, sqlFiles().size());
    }

    @ParameterizedTest(name = "writeValidContracts={0}")
    @ValueSource(booleans = {false, true})
    void oneContractAskedForMustExistLieInsideTheContractsFolderAndBeValid(boolean writeValid) throws IOException {
        Map<Path, String> expected = Map.of(
                write("elsewhere/a/b/order.schema.json", VALID), "lies outside the contracts directory",
                project.resolve("contracts/fine/valid/gone.schema.json"), "no such contract file",
                project.resolve("contracts/broken/shape/array.schema.json"), "a contract is a JSON object");

        expected.forEach((contract, message) -> {
            GenerationRequest request = new GenerationRequest(project.resolve("contracts"), migrations(),
                    Optional.of(contract), Strategy.JSONB, true, List.of(), Set.of(), writeValid);

            InvalidInputException failure = assertThrows(InvalidInputException.class, () -> generator.generate(request));

            assertEquals(contract, failure.problems().get(0).file());
            assertTrue(failure.problems().get(0).message().contains(message), failure.getMessage());
        });
        assertFalse(Files.exists(migrations()));
    }

    private GenerationRequest request(boolean writeValid) {
        return new GenerationRequest(project.resolve("contracts"), migrations(), Optional.empty(), Strategy.JSONB,
                true, List.of(), Set.of(), writeValid);
    }

    private Path migrations() {
        return project.resolve("supabase/migrations");
    }

    private List<Path> sqlFiles() throws IOException {
        try (Stream<Path> files = Files.list(migrations())) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private String relative(Path file) {
        return project.relativize(file).toString().replace('\\', '/');
    }

    private Path write(String relativePath, String text) throws IOException {
        return Folders.write(project.resolve(relativePath), text);
    }
}
