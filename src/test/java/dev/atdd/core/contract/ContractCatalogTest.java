package dev.atdd.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atdd.core.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractCatalogTest {

    private static final String VALID = "{\"properties\": {\"id\": {\"type\": \"string\"}}}";

    @TempDir
    Path root;

    @Test
    void findsContractsAtAnyDepthBelowThemeAndDomainInPathOrder() {
        ContractFixtures.write(root, "match/dilemma/current.schema.json", VALID);
        ContractFixtures.write(root, "commons/ux/themes/skin.schema.json", VALID);
        ContractFixtures.write(root, "commons/ux/notes.json", "not a contract, not read");

        ContractCatalog catalog = ContractCatalog.load(root);

        assertEquals(List.of("commons/ux/skin", "match/dilemma/current"),
                catalog.contracts().stream().map(c -> c.location().key()).toList());
        assertTrue(catalog.problems().isEmpty());
    }

    @Test
    void aShallowFileIsSkippedWithTheReason() {
        ContractFixtures.write(root, "match/loose.schema.json", VALID);

        ContractCatalog catalog = ContractCatalog.load(root);

        assertTrue(catalog.contracts().isEmpty());
        assertEquals(1, catalog.skipped().size());
        assertTrue(catalog.skipped().get(0).reason().contains("two folders deep"));
    }

    @Test
    void loadingGoesOnPastBrokenFilesAndReportsEachOfThem() {
        ContractFixtures.write(root, "a/b/one.schema.json", "{");
        ContractFixtures.write(root, "a/b/two.schema.json", VALID);
        ContractFixtures.write(root, "a/b/three.schema.json", "[]");

        ContractCatalog catalog = ContractCatalog.load(root);

        assertEquals(1, catalog.contracts().size());
        assertEquals(List.of("one.schema.json", "three.schema.json"),
                catalog.problems().stream().map(p -> p.file().getFileName().toString()).sorted().toList());
    }

    @Test
    void aRelationalContractWithProblemsIsKeptAsFarAsItWasReadBesideItsProblems() {
        String properties = "\"properties\": {\"id\": {\"type\": \"string\"}}";
        ContractFixtures.write(root, "a/b/broken.schema.json", "{" + properties + ", \"x-artifact-metadata\": "
                + "{\"persistence\": {\"strategy\": \"relational\", \"table\": \"Bad Name\"}}}");
        ContractFixtures.write(root, "a/b/jsonb.schema.json", "{" + properties + ", \"x-artifact-metadata\": "
                + "{\"persistence\": {\"strategy\": \"jsonb\", \"table\": \"Bad Name\"}}}");
        // A typo of relational: whether it is relational cannot be known.
        ContractFixtures.write(root, "a/b/misspelt.schema.json", "{" + properties + ", \"x-artifact-metadata\": "
                + "{\"persistence\": {\"strategy\": \"relationl\"}}}");
        ContractFixtures.write(root, "a/b/valid.schema.json", "{" + properties + ", \"x-artifact-metadata\": "
                + "{\"persistence\": {\"strategy\": \"relational\"}}}");

        ContractCatalog catalog = ContractCatalog.load(root);

        assertEquals(List.of("a/b/valid"), catalog.contracts().stream().map(c -> c.location().key()).toList());
        assertEquals(List.of("broken.schema.json", "jsonb.schema.json", "misspelt.schema.json"),
                catalog.problems().stream().map(p -> p.file().getFileName().toString()).toList());
        assertEquals(1, catalog.relationalWithProblems().size());
        Contract broken = catalog.relationalWithProblems().get(0);
        assertEquals("a/b/broken", broken.location().key());
        assertEquals(Optional.empty(), broken.explicitTable());
        assertEquals(Set.of("id"), broken.document().propertyNames());
    }

    @Test
    void aSymbolicLinkLoopIsAProblemNotAHang() throws Exception {
        ContractFixtures.write(root, "a/b/one.schema.json", VALID);
        Files.createSymbolicLink(root.resolve("a/b/back"), root.resolve("a"));

        ContractCatalog catalog = ContractCatalog.load(root);

        assertEquals(1, catalog.contracts().size());
        assertEquals(1, catalog.problems().size());
        assertTrue(catalog.problems().get(0).message().contains("loop"), catalog.problems().get(0).message());
    }

    @Test
    void aMissingContractsDirectoryMeansNoContracts() {
        ContractFiles listed = ContractFiles.list(root.resolve("nowhere"));
        ContractCatalog catalog = ContractCatalog.load(listed);

        assertFalse(listed.exists());
        assertTrue(catalog.contracts().isEmpty());
        assertTrue(catalog.problems().isEmpty());
        assertTrue(catalog.skipped().isEmpty());
    }

    @Test
    void aContractsPathThatIsAFileIsAProblem() throws Exception {
        Path file = Files.writeString(root.resolve("contracts"), "not a folder");

        assertTrue(ContractCatalog.load(file).problems().get(0).message().contains("not a folder"));
    }

    @Test
    void oneContractGivenAsAFolderIsToldToNameAFile() {
        Path contracts = root.resolve("contracts");
        ContractFixtures.write(contracts, "lab/other/x.schema.json", VALID);

        assertEquals(Optional.of("is a folder: name one contract file in it, {aspect}.schema.json"),
                ContractCatalog.checkOne(contracts, contracts.resolve("lab/other")).map(Problem::message));
    }

    @Test
    void oneContractGivenRelativeToTheRootInsteadOfItsParentIsPointedTo() {
        Path contracts = root.resolve("contracts");
        ContractFixtures.write(contracts, "lab/other/x.schema.json", VALID);

        assertEquals("no such contract file; did you mean contracts/lab/other/x.schema.json?",
                ContractCatalog.checkOne(contracts, root.resolve("lab/other/x.schema.json")).orElseThrow().message());
        assertEquals("no such contract file",
                ContractCatalog.checkOne(contracts, root.resolve("lab/other/y.schema.json")).orElseThrow().message());
    }

    @Test
    void oneContractMustExistAndLieInsideTheRoot() throws Exception {
        Path inside = ContractFixtures.write(root, "a/b/one.schema.json", VALID);
        Path outside = Files.writeString(Files.createTempFile("outside", ".schema.json"), VALID);
        try {
            assertEquals(Optional.empty(), ContractCatalog.checkOne(root, inside));
            assertTrue(ContractCatalog.checkOne(root, outside).orElseThrow().message().contains("outside"));
            assertTrue(ContractCatalog.checkOne(root, root.resolve("a/b/gone.schema.json")).orElseThrow()
                    .message().contains("no such contract"));
            assertEquals("is not a contract: contract files end in .schema.json", ContractCatalog.checkOne(root,
                    ContractFixtures.write(root, "a/b/one.json", VALID)).orElseThrow().message());
        } finally {
            Files.delete(outside);
        }
    }
}
