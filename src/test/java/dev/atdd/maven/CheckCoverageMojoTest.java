package dev.atdd.maven;

import static dev.atdd.maven.ProjectCopy.logged;
import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
class CheckCoverageMojoTest {

    /** The shop project: shop/order/order has no table, shop/cart/cart has one, shop/events/shipped is an event. */
    private static final String ORDER_TABLE = "create table public.shop_order_order (id uuid primary key);\n";

    @TempDir
    Path work;

    @Test
    @Basedir("src/test/projects/shop")
    void theFoldersAndSwitchesHaveTheDocumentedDefaults(
            @InjectMojo(goal = "check-coverage") CheckCoverageMojo mojo) throws Exception {
        File base = new File("src/test/projects/shop").getAbsoluteFile();

        assertEquals(new File(base, "contracts"), getVariableValueFromObject(mojo, "contractsDirectory"));
        assertEquals(new File(base, "supabase/migrations"), getVariableValueFromObject(mojo, "migrationsDirectory"));
        assertEquals(new File(base, "target/atdd"), getVariableValueFromObject(mojo, "reportDirectory"));
        assertEquals("true", getVariableValueFromObject(mojo, "failOnMissing"));
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    void anUncoveredContractFailsTheBuildListingItsTableAndTheSkippedContracts(CheckCoverageMojo mojo)
            throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals(List.of(
                "1 persistent contract has no table:",
                "  shop/order/order → table: shop_order_order",
                "1 other contract needs no table (not persistent) and was skipped.",
                "Generate the missing migrations with: mvn atdd:generate-migrations",
                "A table that exists under another name: name it in x-artifact-metadata.persistence.table; one that another module or tool creates: list it in existingTables."),
                failure.getMessage().lines().toList());
        JsonNode report = report(shop);
        assertFalse(report.get("passed").asBoolean());
        assertEquals("shop_order_order", report.get("missing").get(0).get("table").asText());
        assertEquals("contracts/shop/order/order.schema.json", report.get("missing").get(0).get("file").asText());
    }

    @Test
    void aRunThatFailsOnABrokenContractLeavesNoReportOfTheLastPass(
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo second)
            throws Exception {
        ProjectCopy shop = passedOnce(first);

        shop.write("contracts/shop/order/order.schema.json", "{\"type\": ");
        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(second).execute());

        assertTrue(failure.getMessage().startsWith("contracts/shop/order/order.schema.json:1:"), failure.getMessage());
        assertFalse(Files.exists(shop.reports().resolve("check-coverage.json")), "the report of the earlier pass is gone");
    }

    @Test
    void aRunStoppedByAWrongSettingLeavesNoReportOfTheLastPass(
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo first,
            @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml") CheckCoverageMojo second)
            throws Exception {
        ProjectCopy shop = passedOnce(first);

        shop.pointAt(second);
        setVariableValueToObject(second, "failOnMissing", "yes");
        MojoFailureException failure = assertThrows(MojoFailureException.class, second::execute);

        assertEquals("failOnMissing must be true or false, found \"yes\"", failure.getMessage());
        assertFalse(Files.exists(shop.reports().resolve("check-coverage.json")), "the report of the earlier pass is gone");
        assertFalse(Files.exists(shop.reports().resolve("check-coverage.stamp")), "its stamp too");
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    void everyContractCoveredPassesAndReportsNothingMissing(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        shop.write("supabase/migrations/20250102000000_shop_order_order.sql", ORDER_TABLE);

        shop.pointAt(mojo).execute();

        String json = Files.readString(shop.reports().resolve("check-coverage.json"));
        assertTrue(json.contains("\"missing\" : [ ]"), json);
        JsonNode report = new ObjectMapper().readTree(json);
        assertTrue(report.get("passed").asBoolean());
        assertEquals(2, report.get("covered").size());
        assertEquals("shop/events/shipped", report.get("notPersistent").get(0).get("contract").asText());
        assertEquals(List.of("Every persistent contract has its table: 2 covered, 1 not persistent."),
                logged(mojo, "info"));
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "existingTables", value = "auth_users, shop_order_order")
    void existingTablesGivenAsCommaSeparatedTextAreEachListed(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        JsonNode report = report(shop);
        assertTrue(report.get("passed").asBoolean());
        assertTrue(report.get("covered").findValuesAsText("coveredBy").contains("existingTables"), report.toString());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "existingTables", value = "public.shop_order_order")
    void anExistingTableMayBeNamedWithPublic(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        assertTrue(report(shop).get("passed").asBoolean());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "existingTables", value = "Shop_Order_Order")
    void anExistingTableNoContractCouldAskForIsRefused(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, shop.pointAt(mojo)::execute);

        assertEquals("existingTables: \"Shop_Order_Order\" is not a table name: use lower-case letters, digits and _,"
                + " starting with a letter (public. may lead)", failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "failOnMissing", value = "false")
    void withFailOnMissingFalseTheFindingsAreOnlyWarnings(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        assertTrue(logged(mojo, "warn").contains("  shop/order/order → table: shop_order_order"),
                logged(mojo, "warn").toString());
        assertFalse(report(shop).get("passed").asBoolean());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "failOnMissing", value = "false")
    void aContractCopiedWithItsUriIdIsWarnedAtTheCopysId(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        String cart = Files.readString(shop.root().resolve("contracts/shop/cart/cart.schema.json"))
                .replace("\"shop:cart:cart\"", "\"https://example.com/schemas/cart\"");
        shop.write("contracts/shop/cart/cart.schema.json", cart);
        shop.write("contracts/shop/order/cart.schema.json", cart);

        shop.pointAt(mojo).execute();

        assertTrue(logged(mojo, "warn").contains("contracts/shop/order/cart.schema.json:3:10: /$id: the same $id as"
                + " contract shop/cart/cart: a copied contract keeps its original's $id; give it its own"),
                logged(mojo, "warn").toString());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipChecksNothingAndWritesNoReport(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);

        shop.pointAt(mojo).execute();

        assertFalse(Files.exists(shop.reports()));
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    void aModuleWithoutAContractsDirectoryIsWarnedWithTheFolderAndWhatToDo(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        Path contracts = shop.root().resolve("contracts");
        try (var files = Files.walk(contracts)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }

        shop.pointAt(mojo).execute();

        assertEquals(List.of("No contracts directory at " + contracts + ": no contract to generate a table for or"
                + " to check. Set contractsDirectory if the contracts lie elsewhere; in a module with neither"
                + " contracts nor infrastructureTables, set <skip>true</skip> in its atdd plugin configuration."),
                logged(mojo, "warn"));
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    void aParentPomWithoutAContractsDirectoryIsToldToManageThePluginAsASkipWouldSkipItsModules(CheckCoverageMojo mojo)
            throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        Path contracts = shop.root().resolve("missing-contracts");
        shop.pointAt(mojo);
        setVariableValueToObject(mojo, "contractsDirectory", contracts.toFile());
        setVariableValueToObject(mojo, "modules", List.of("billing", "catalog"));
        Plugin atdd = new Plugin();
        atdd.setGroupId("dev.atdd");
        atdd.setArtifactId("atdd-maven-plugin");
        setVariableValueToObject(mojo, "buildPlugins", List.of(atdd));

        mojo.execute();

        assertEquals(List.of("No contracts directory at " + contracts + ": no contract to generate a table for or"
                + " to check. Set contractsDirectory if the contracts lie elsewhere; in a parent pom, declare the atdd"
                + " plugin in <pluginManagement> and in the <plugins> of the modules that use it (a <skip>true</skip>"
                + " here would skip its modules too, as they inherit this configuration)."),
                logged(mojo, "warn"));
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/broken-contract/pom.xml")
    void aBrokenContractFailsWithItsProjectPathLineAndColumn(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy project = ProjectCopy.ofTestProject("broken-contract", work);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> project.pointAt(mojo).execute());

        assertTrue(failure.getMessage().startsWith("contracts/shop/order/order.schema.json:4:3: "), failure.getMessage());
    }

    @Test
    @InjectMojo(goal = "check-coverage", pom = "src/test/projects/shop/pom.xml")
    void aRelationalContractsMetadataAndTypeMappingProblemsFailTheBuildTogether(CheckCoverageMojo mojo)
            throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        shop.write("contracts/shop/order/order.schema.json", """
                {"properties": {"id": {"type": "string"}, "total": {"type": "intger"}},
                 "x-artifact-metadata": {"persistence": {"strategy": "relational",
                   "indexes": [{"fields": ["total"], "type": "btre"}]}}}
                """);

        MojoFailureException failure = assertThrows(MojoFailureException.class, () -> shop.pointAt(mojo).execute());

        assertEquals(List.of(
                "2 problems:",
                "  contracts/shop/order/order.schema.json:1:61: /properties/total/type: unknown JSON Schema type"
                        + " \"intger\" (did you mean integer?)",
                "  contracts/shop/order/order.schema.json:3:46: /x-artifact-metadata/persistence/indexes/0/type:"
                        + " expected btree, gin, gist or hash, found \"btre\""),
                failure.getMessage().lines().toList());
    }

    /** The shop, covered, after {@code mojo} passed on it: a report of that pass is there. */
    private ProjectCopy passedOnce(CheckCoverageMojo mojo) throws Exception {
        ProjectCopy shop = ProjectCopy.ofTestProject("shop", work);
        shop.write("supabase/migrations/20250102000000_shop_order_order.sql", ORDER_TABLE);
        shop.pointAt(mojo).execute();
        assertTrue(report(shop).get("passed").asBoolean());
        return shop;
    }

    private static JsonNode report(ProjectCopy project) throws Exception {
        return new ObjectMapper().readTree(project.reports().resolve("check-coverage.json").toFile());
    }
}
