package dev.atdd.core.render;

import static dev.atdd.core.render.RenderFixtures.GENERATED_AT;
import static dev.atdd.core.render.RenderFixtures.column;
import static dev.atdd.core.render.RenderFixtures.contract;
import static dev.atdd.core.render.RenderFixtures.index;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atdd.core.InvalidInputException;
import dev.atdd.core.Problem;
import dev.atdd.core.contract.Contract;
import dev.atdd.core.contract.ContractReader;
import dev.atdd.core.contract.IndexSpec.IndexMethod;
import dev.atdd.core.types.Check;
import dev.atdd.core.types.PgType;
import dev.atdd.core.types.RelationalTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractTableModelsTest {

    @Test
    void reportsEveryIndexPostgresCannotBuildAtOnce() {
        RelationalTable definition = new RelationalTable(List.of(column("name", PgType.TEXT, false)), List.of(),
                Optional.empty(), OptionalInt.empty());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RelationalTableModel.of(
                contract(null, List.of(index("a", IndexMethod.GIST, "name"), index("b", IndexMethod.HASH, "name", "id"),
                        index("c", IndexMethod.GIN, "name"), index("d", IndexMethod.BTREE, "missing"),
                        index("d", IndexMethod.BTREE, "name"), index("e", IndexMethod.BTREE))),
                "t", definition, GENERATED_AT, true));

        List<String> messages = e.problems().stream().map(Problem::message).toList();
        assertEquals(6, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("gist"), messages.get(0));
        assertTrue(messages.get(1).contains("hash index covers exactly one field"), messages.get(1));
        assertTrue(messages.get(2).contains("gin index needs a JSONB value"), messages.get(2));
        assertTrue(messages.get(3).contains("'missing' is not a column of t"), messages.get(3));
        assertTrue(messages.get(4).contains("index name d is used twice"), messages.get(4));
        assertTrue(messages.get(5).contains("needs at least one field"), messages.get(5));
        assertEquals(Path.of("/project/contracts/match/dilemma/current.schema.json"), e.problems().get(0).file());
        assertTrue(messages.get(0).startsWith("/x-artifact-metadata/persistence/indexes/0/type: "), messages.get(0));
        // A field's problem is at the field, a name's at the name.
        assertTrue(messages.get(3).contains("/fields/0: field 'missing'"), messages.get(3));
        assertTrue(messages.get(4).contains("/name: index name d"), messages.get(4));
    }

    @Test
    void anIndexProblemOfAContractReadFromItsFileIsPlacedAtTheFieldOrName(@TempDir Path root) throws IOException {
        Path file = root.resolve("shop/order/order.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {
                  "properties": {"total": {"type": "number"}},
                  "x-artifact-metadata": {"persistence": {"indexes": [
                    {"fields": ["total", "totl"]},
                    {"name": "shop_order_order", "fields": ["total"]}
                  ]}}
                }
                """);
        Contract contract = ContractReader.read(file, root);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonbTableModel.of(contract, "shop_order_order", GENERATED_AT, true));

        assertEquals(List.of("shop/order/order.schema.json:4:26: /x-artifact-metadata/persistence/indexes/0/fields/1:"
                        + " field 'totl' is not a property of the contract (did you mean total?)",
                "shop/order/order.schema.json:5:14: /x-artifact-metadata/persistence/indexes/1/name: index name"
                        + " shop_order_order is already the name of the table shop_order_order; rename the index"),
                e.problems().stream().map(p -> p.describe(root)).toList());
    }

    @Test
    void aJsonbIndexOnAKeyTheContractDoesNotDeclareIsRefused() {
        Contract contract = RenderFixtures.contract(null, List.of(index("i1", IndexMethod.BTREE, "totl"),
                index("i2", IndexMethod.BTREE, "total")), "total");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> JsonbTableModel.of(contract, "t", GENERATED_AT, true));

        assertEquals(List.of("/x-artifact-metadata/persistence/indexes/0/fields/0: field 'totl' is not a property of the contract"
                        + " (did you mean total?)"),
                e.problems().stream().map(Problem::message).toList());
        assertEquals(List.of("i1"), JsonbTableModel.of(RenderFixtures.contract(null,
                List.of(index("i1", IndexMethod.BTREE, "anything"))), "t", GENERATED_AT, true).indexes().stream()
                .map(TableIndex::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"allOf", "$ref", "patternProperties", "additionalProperties", "unevaluatedProperties"})
    void aJsonbIndexOnAKeyTheSchemaMayDeclareElsewhereIsWritten(String keyword) {
        ObjectNode schema = RenderFixtures.schema("total");
        schema.putObject(keyword);
        Contract declared = RenderFixtures.contract(null, List.of(index("i1", IndexMethod.BTREE, "tenant_id")), schema);

        assertEquals(List.of("i1"), JsonbTableModel.of(declared, "t", GENERATED_AT, true).indexes().stream()
                .map(TableIndex::name).toList());
    }

    @Test
    void refusesAnIndexNamedLikeTheDataIndex() {
        assertThrows(InvalidInputException.class, () -> JsonbTableModel.of(
                contract(null, List.of(index("idx_t_data", IndexMethod.BTREE, "x"))), "t", GENERATED_AT, true));
    }

    @Test
    void writesTheGenerationTimeInUtcToTheSecond() {
        assertEquals("2025-10-30T14:30:00Z", JsonbTableModel.of(contract(null, List.of()), "t", GENERATED_AT, true).generatedAt());
    }

    @Test
    void aValuePostgresCannotHoldFailsNamingTheTemplatePosition() {
        RelationalTable definition = new RelationalTable(List.of(column("name", PgType.TEXT, false,
                new Check.AllowedValues(List.of("a\0b", "c")))), List.of(), Optional.empty(),
                OptionalInt.empty());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SqlTemplates.builtIn().render(
                TableShape.RELATIONAL, RelationalTableModel.of(contract(null, List.of()), "t", definition, GENERATED_AT, true)));

        Problem problem = e.problems().get(0);
        assertEquals(Path.of(SqlTemplates.BUILT_IN_LOCATION, "relational.sql.ftl"), problem.file());
        assertTrue(problem.line() > 0);
        assertTrue(problem.message().contains("NUL"), problem.message());
    }
}
