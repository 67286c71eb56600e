package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.FileState;
import dev.atdd.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractFilesTest {

    @TempDir
    Path work;

    @Test
    void listsContractFilesSortedWithTheirSizeAndReadsNone() throws Exception {
        Path root = work.resolve("contracts");
        ContractFixtures.write(root, "shop/order/order.schema.json", "{ not even JSON");
        ContractFixtures.write(root, "shop/cart/cart.schema.json", "{}");
        ContractFixtures.write(root, "shop/cart/notes.md", "not a contract");
        Files.createDirectories(root.resolve("shop/folder.schema.json"));

        ContractFiles listed = ContractFiles.list(root);

        assertEquals(List.of(root.resolve("shop/cart/cart.schema.json"), root.resolve("shop/order/order.schema.json")),
                listed.files().stream().map(FileState::path).toList());
        assertEquals(2, listed.files().get(0).size());
        assertEquals(List.of(), listed.problems());
    }

    @Test
    void aMissingFolderAndAnEmptyOneAreRemarkedApart() throws Exception {
        Path root = work.resolve("contracts");

        ContractFiles missing = ContractFiles.list(root);
        Files.createDirectories(root);
        ContractFiles empty = ContractFiles.list(root);

        assertFalse(missing.exists());
        assertTrue(empty.exists());
        assertEquals(missing.files(), empty.files());
        assertNotEquals(missing.remarks(), empty.remarks());
    }

    @Test
    void aContractNamedInTheWrongCaseIsSkippedAloudAndALinkToNothingIsAProblem() throws Exception {
        Path root = work.resolve("contracts");
        ContractFixtures.write(root, "shop/cart/cart.Schema.json", "{}");
        Files.createDirectories(root.resolve("shop/order"));
        Files.createSymbolicLink(root.resolve("shop/order/order.schema.json"), work.resolve("nowhere.json"));

        ContractFiles listed = ContractFiles.list(root);
        ContractCatalog catalog = ContractCatalog.load(listed);

        assertEquals(List.of(root.resolve("shop/order/order.schema.json")),
                listed.problems().stream().map(Problem::file).toList());
        assertEquals("a symbolic link that leads to no file", listed.problems().get(0).message());
        assertEquals(List.of(), catalog.contracts());
        assertEquals(List.of("not a contract: contract files end in .schema.json, in lower case"),
                catalog.skipped().stream().map(ContractCatalog.Skipped::reason).toList());
    }

    @Test
    void aJsonSchemaNotNamedAsAContractIsSkippedAloudAndOtherJsonIsNotTold() throws Exception {
        Path root = work.resolve("contracts");
        ContractFixtures.write(root, "shop/cart/cart.schema.json", "{\"type\": \"object\"}");
        ContractFixtures.write(root, "shop/order/order.json",
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\"}");
        ContractFixtures.write(root, "shop/order/order.example.json", "{\"id\": \"o-1\"}");
        ContractFixtures.write(root, "shop/order/tsconfig.json",
                "{\"$schema\": \"https://json.schemastore.org/tsconfig\", \"include\": [\"*.ts\"]}");
        // Shared definitions beside the themes, which contracts $ref: no contract lies there.
        ContractFixtures.write(root, "common/address.json",
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\"}");
        // A data file is looked into at its start only: a dump of any size costs 64 KiB, and what lies beyond is data.
        ContractFixtures.write(root, "shop/data/dump.json", " ".repeat(64 * 1024) + "{\"x-artifact-metadata\": {}}");
        // Mentions the meta-schema's site, names no $schema: an OpenAPI document, say.
        ContractFixtures.write(root, "shop/order/api.json", "{\"externalDocs\": \"https://json-schema.org/\"}");

        ContractFiles listed = ContractFiles.list(root);
        ContractCatalog catalog = ContractCatalog.load(listed);

        // Listed, so that renaming or changing one changes a check's inputs.
        assertEquals(7, listed.files().size());
        assertEquals(List.of(root.resolve("shop/cart/cart.schema.json")),
                catalog.contracts().stream().map(Contract::file).toList());
        assertEquals(List.of(new ContractCatalog.Skipped(root.resolve("shop/order/order.json"),
                        "a JSON Schema not read as a contract, as contract files end in .schema.json: if it is"
                                + " one, rename it order.schema.json")),
                catalog.skipped());
        assertEquals(List.of(), catalog.problems());
    }
}
