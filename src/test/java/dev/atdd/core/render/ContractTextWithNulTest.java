package dev.atdd.core.render;

import static dev.atdd.core.render.RenderFixtures.GENERATED_AT;
import static dev.atdd.core.render.RenderFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractReader;
import dev.atdd.core.contract.ContractLocation;
import dev.atdd.core.contract.IndexSpec;
import dev.atdd.core.contract.SchemaDocument;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL character is valid in JSON but PostgreSQL text cannot hold it: a contract text that would be
 * written into SQL is refused naming the contract and the JSON pointer, not the template position.
 * (Shrunk from HostileContractsOnPostgresTest seeds 93 and 670.)
 */
class ContractTextWithNulTest {

    private static final Path FILE = Path.of("/project/contracts/match/dilemma/current.schema.json");

    private static Contract contract(String title, String description, List<IndexSpec> indexes) {
        return new Contract(FILE, new ContractLocation("match", "dilemma", "current", "match/dilemma/current.schema.json"),
                SchemaDocument.of(JsonNodeFactory.instance.objectNode()), Optional.of("a\0id"), Optional.ofNullable(title),
                Optional.ofNullable(description), Optional.of("1\0"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), indexes);
    }

    @Test
    void nulInTheTextsOfTheTableCommentIsAProblemAtEachPointer() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonbTableModel.of(contract("nul \0 inside", "fine", List.of()), "t", GENERATED_AT, true));

        assertEquals(List.of(
                        Problem.in(FILE, "/$id: holds a NUL character (\\u0000), which PostgreSQL text cannot hold"),
                        Problem.in(FILE, "/title: holds a NUL character (\\u0000), which PostgreSQL text cannot hold"),
                        Problem.in(FILE, "/version: holds a NUL character (\\u0000), which PostgreSQL text cannot hold")),
                e.problems());
    }

    @Test
    void nulInAnIndexNameOrKeyIsAProblemAtItsPointer() {
        Contract contract = new Contract(FILE, new ContractLocation("match", "dilemma", "current",
                "match/dilemma/current.schema.json"), SchemaDocument.of(JsonNodeFactory.instance.objectNode()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(index("by\0name", IndexMethod.BTREE, "ok", "a\0b")));

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonbTableModel.of(contract, "t", GENERATED_AT, true));

        assertEquals(List.of(
                        Problem.in(FILE, "/x-artifact-metadata/persistence/indexes/0/name: holds a NUL character"
                                + " (\\u0000), which PostgreSQL text cannot hold"),
                        Problem.in(FILE, "/x-artifact-metadata/persistence/indexes/0/fields/1: holds a NUL character"
                                + " (\\u0000), which PostgreSQL text cannot hold")),
                e.problems());
    }

    @Test
    void nulInATextOfAContractReadFromItsFileIsPlacedAtTheValue(@TempDir Path root) throws IOException {
        Path file = root.resolve("match/dilemma/current.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"$id\": \"match:dilemma:current\",\n  \"title\": \"nul \\u0000 inside\"\n}\n");
        Contract contract = ContractReader.read(file, root);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonbTableModel.of(contract, "t", GENERATED_AT, true));

        assertEquals(List.of("match/dilemma/current.schema.json:3:12: /title: holds a NUL character (\\u0000), which"
                + " PostgreSQL text cannot hold"), e.problems().stream().map(p -> p.describe(root)).toList());
    }
}
